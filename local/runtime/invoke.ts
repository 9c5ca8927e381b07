import { randomUUID } from 'node:crypto';
import { invocationStorage, type InvocationStore } from './invocation-context';
import { readRetryRequest } from './invocation-error';
import type { MetricsCounter } from './metrics';
import { errorMessage } from './narrow';
import type { PlatformInstance } from './platform-instance';

export interface InvocationSpec {
  platform: PlatformInstance;
  metrics: MetricsCounter;
  kind: 'trigger' | 'consumer' | 'resolver' | 'scheduled';
  moduleKey: string;
  functionKey: string;
  accountId?: string;
  timeoutMs: number;
  memoryMB: number;
  /** Extra words for the log line (retry count, resolver function…). */
  label?: string;
}

export type InvocationResult =
  | { outcome: 'returned'; value: unknown; durationMs: number }
  | { outcome: 'error'; error: string; durationMs: number }
  | { outcome: 'timeout'; error: string; durationMs: number };

/** Run one function invocation inside its own ALS store, with the platform's time limit and cost accounting. */
export async function runInvocation(spec: InvocationSpec, call: () => unknown): Promise<InvocationResult> {
  const started = Date.now();
  const store: InvocationStore = {
    platform: spec.platform,
    invocationId: randomUUID(),
    moduleKey: spec.moduleKey,
    functionKey: spec.functionKey,
    accountId: spec.accountId,
    deadline: started + spec.timeoutMs,
    expired: false,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), spec.timeoutMs);
  });
  const work = invocationStorage().run(store, () => Promise.resolve().then(call));
  // A timed-out handler keeps running in the background; its late rejection must not go unhandled.
  work.catch(() => undefined);
  let result: InvocationResult;
  try {
    const raced = await Promise.race([work.then((value) => ({ value })), timeout]);
    const durationMs = Date.now() - started;
    if (raced === 'timeout') {
      store.expired = true;
      result = { outcome: 'timeout', error: `Invocation timed out after ${spec.timeoutMs} ms`, durationMs };
    } else {
      result = { outcome: 'returned', value: raced.value, durationMs };
    }
  } catch (error) {
    result = { outcome: 'error', error: errorMessage(error), durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
  spec.metrics.recordInvocation(spec.memoryMB, result.durationMs);
  const retry = result.outcome === 'returned' ? readRetryRequest(result.value) : undefined;
  const detail = retry
    ? `returned InvocationError (${retry.retryReason}, retryAfter ${retry.retryAfterSeconds} s)`
    : result.outcome === 'returned' ? 'ok' : `${result.outcome}: ${result.error}`;
  spec.platform.log(
    `[forge] ${spec.kind} ${spec.moduleKey} → ${spec.functionKey}${spec.label ? ` ${spec.label}` : ''} ${detail} (${result.durationMs} ms)`,
  );
  return result;
}
