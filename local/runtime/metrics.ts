import type { PlatformMetrics } from '../contracts';

/** Cost counters of one LocalForge instance (cumulative since it started). */
export class MetricsCounter {
  private readonly values: PlatformMetrics = {
    invocations: 0, kvsReads: 0, kvsWrites: 0, queuePushes: 0, egressRequests: 0, jiraRequests: 0, gbSeconds: 0,
  };

  add(name: Exclude<keyof PlatformMetrics, 'gbSeconds'>, n = 1): void {
    this.values[name] += n;
  }

  /** One finished invocation: Forge bills memory × wall time. */
  recordInvocation(memoryMB: number, wallMs: number): void {
    this.values.invocations += 1;
    this.values.gbSeconds += (memoryMB / 1024) * (wallMs / 1000);
  }

  snapshot(): PlatformMetrics {
    return { ...this.values };
  }
}

/** The `metrics` object the SDKs call; statsd-like, nothing to record locally. */
export const sdkMetrics = {
  counter: (_name: string, _tags?: Record<string, string>) => ({ incr: (): void => undefined, decr: (): void => undefined }),
  timing: (_name: string, _tags?: Record<string, string>) => ({
    measure: () => ({ stop: (_tags?: Record<string, string>): void => undefined }),
  }),
  gauge: (_name: string, _tags?: Record<string, string>) => ({ set: (_value: number): void => undefined }),
};
