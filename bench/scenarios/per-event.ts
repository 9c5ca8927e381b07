/**
 * Child process (bench/run.ts): one app on the local platform, warm, one healthy connection, with
 * injected latencies. Reads `GET /api/metrics` around a batch of events fired one after another through
 * `POST /api/events` and reports the cost per event, the round trips on the trigger's path and memory.
 *
 *   tsx bench/scenarios/per-event.ts app|naive [events]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Imported first: it installs the Forge globals the call recorder wraps.
import { startLocalPlatform } from '../../local/server/start-local-platform';
import type { PlatformMetrics, TriggerInvocationReport } from '../../local/contracts';
import { installCallRecorder, sequentialRoundTrips, type RemoteKind } from '../lib/call-recorder';
import { fixtureEvent, LATENCY_MS, median, NAIVE_ROOT, REPO_ROOT, runAsScenario } from '../lib/common';
import { startBenchListener } from '../lib/listener';
import { readMemory, startMemorySampler } from '../lib/memory-sampler';
import { NAIVE_KEYS } from '../naive-baseline/src/keys';

export type Target = 'app' | 'naive';

export interface PerEventResult {
  target: Target;
  events: number;
  delivered: number;
  perEvent: Record<Exclude<keyof PlatformMetrics, 'gbSeconds'>, number>;
  gbSecondsPer1000Events: number;
  memoryMB: number;
  /** Longest chain of strictly sequential remote calls inside one trigger invocation: max and median over the batch. */
  roundTripsOnPath: number;
  roundTripsMedian: number;
  /** Remote calls per trigger invocation by kind (mean over the batch). */
  callsPerInvocation: Partial<Record<RemoteKind, number>>;
  triggerMsMedian: number;
  /** Sum of the injected latencies of every call (as if all ran one after another), median over the batch. */
  serialLatencyMsMedian: number;
  memory: {
    /** Largest rise of heap+external above the post-GC level while one event ran (upper bound: includes the platform's share). */
    invocationWorkingSetMb: number;
    invocationWorkingSetMedianMb: number;
    /** The whole child process (tsx, local platform, fake Jira, HTTP server, app): an upper bound. */
    processMaxRssMb: number;
  };
}

const TRIGGER_MODULE: Record<Target, string> = { app: 'relay-issue-events', naive: 'naive-issue-events' };
const WARMUP_EVENTS = 5;

type Gc = () => void;

async function main(): Promise<PerEventResult> {
  const target: Target = process.argv[2] === 'naive' ? 'naive' : 'app';
  const events = Number(process.argv[3] ?? 40);
  const gc = (globalThis as { gc?: Gc }).gc ?? ((): void => undefined);
  const recorder = installCallRecorder();
  const listener = await startBenchListener({ token: `bench_${target}_token_0123456789` });
  const dataDir = mkdtempSync(join(tmpdir(), `relay-bench-${target}-`));
  const platform = await startLocalPlatform({
    port: 0,
    dataDir,
    appRoot: target === 'app' ? REPO_ROOT : NAIVE_ROOT,
    // The real app seeds its connection through its own admin resolver (rate 50/s: never the bottleneck here).
    listener: target === 'app' ? { url: listener.url, token: listener.token, rate: 50 } : undefined,
    latencyMs: { ...LATENCY_MS },
    quiet: true,
  });
  try {
    if (target === 'app' && platform.seed.action === 'failed') throw new Error(`seeding the connection failed: ${platform.seed.message}`);
    if (target === 'naive') await seedNaive(listener.url, listener.token);

    const api = async <T>(path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${platform.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    };
    let clock = Date.now();
    const fire = async (): Promise<TriggerInvocationReport[]> => {
      clock += 1000;
      const { reports } = await api<{ reports: TriggerInvocationReport[] }>('/api/events', fixtureEvent('issue-updated-field', clock));
      if (reports.length !== 1 || reports[0]?.outcome !== 'success') throw new Error(`trigger did not succeed: ${JSON.stringify(reports)}`);
      return reports;
    };

    for (let i = 0; i < WARMUP_EVENTS; i += 1) await fire();
    await listener.waitForDelivered(WARMUP_EVENTS, 10_000);

    const before = await api<PlatformMetrics>('/api/metrics');
    const batchStart = performance.now();
    const durations: number[] = [];
    const workingSets: number[] = [];
    for (let i = 0; i < events; i += 1) {
      gc();
      const sampler = startMemorySampler();
      const [report] = await fire();
      const { start, peak } = sampler.stop();
      durations.push(report?.durationMs ?? 0);
      workingSets.push(Math.max(0, peak.heapMb - start.heapMb));
    }
    const delivered = (await listener.waitForDelivered(WARMUP_EVENTS + events, 10_000)) ? events : listener.stats().deliveredUnique - WARMUP_EVENTS;
    // Anything the batch left behind (a queue job, a late write) would show up in the counters: let it run.
    await new Promise<void>((resolve) => setTimeout(resolve, 500));
    const after = await api<PlatformMetrics>('/api/metrics');

    const perInvocation = [...recorder.byInvocation(TRIGGER_MODULE[target], batchStart).values()];
    const chains = perInvocation.map((calls) => sequentialRoundTrips(calls));
    const kinds: RemoteKind[] = ['kvs', 'jira', 'queue', 'egress', 'other'];
    const callsPerInvocation: Partial<Record<RemoteKind, number>> = {};
    for (const kind of kinds) {
      const total = perInvocation.reduce((sum, calls) => sum + calls.filter((c) => c.kind === kind).length, 0);
      if (total > 0) callsPerInvocation[kind] = total / Math.max(1, perInvocation.length);
    }
    const latencyOf = (kind: RemoteKind): number => (kind === 'kvs' ? LATENCY_MS.kvs : kind === 'jira' ? LATENCY_MS.jira : kind === 'egress' ? LATENCY_MS.egress : 0);
    const serial = perInvocation.map((calls) => calls.reduce((sum, c) => sum + latencyOf(c.kind), 0));
    const per = (name: Exclude<keyof PlatformMetrics, 'gbSeconds'>): number => (after[name] - before[name]) / events;
    const gbSeconds = after.gbSeconds - before.gbSeconds;
    return {
      target,
      events,
      delivered,
      perEvent: {
        invocations: per('invocations'),
        kvsReads: per('kvsReads'),
        kvsWrites: per('kvsWrites'),
        queuePushes: per('queuePushes'),
        jiraRequests: per('jiraRequests'),
        egressRequests: per('egressRequests'),
      },
      gbSecondsPer1000Events: (gbSeconds / events) * 1000,
      memoryMB: gbSeconds > 0 ? Math.round((gbSeconds * 1024) / (durations.reduce((a, b) => a + b, 0) / 1000)) : 0,
      roundTripsOnPath: Math.max(0, ...chains),
      roundTripsMedian: median(chains),
      callsPerInvocation,
      triggerMsMedian: median(durations),
      serialLatencyMsMedian: median(serial),
      memory: {
        invocationWorkingSetMb: Math.max(0, ...workingSets),
        invocationWorkingSetMedianMb: median(workingSets),
        processMaxRssMb: Math.max(process.resourceUsage().maxRSS / 1024, readMemory().rssMb),
      },
    };
  } finally {
    await platform.close();
    await listener.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The naive app has no admin page: its configuration, secret and project flag go straight into its KVS. */
async function seedNaive(url: string, token: string): Promise<void> {
  const { kvs } = await import('@forge/kvs');
  await kvs.set(NAIVE_KEYS.config, { url });
  await kvs.setSecret(NAIVE_KEYS.token, token);
  await kvs.set(NAIVE_KEYS.project('SUP'), true);
}

runAsScenario(main);
