/**
 * Child process (bench/run.ts): 500 events fired at once at a listener that accepts 50 requests/s and
 * answers 429 above that. Measures the time until every event was accepted once, against the 10 s the
 * limit allows, and what the burst cost (invocations, queue pushes, 429s).
 *
 *   tsx bench/scenarios/burst.ts [events] [limitPerSecond]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalPlatform } from '../../local/server/start-local-platform';
import type { PlatformMetrics } from '../../local/contracts';
import { fixtureEvent, LATENCY_MS, REPO_ROOT, runAsScenario } from '../lib/common';
import { startBenchListener } from '../lib/listener';

export interface BurstResult {
  events: number;
  limitPerSecond: number;
  drainMs: number;
  /** drainMs / (events / limitPerSecond × 1000): 1.0 is as fast as the listener allows. */
  burstDrainRatio: number;
  /** Events not accepted by the listener when the bench stopped waiting. */
  lost: number;
  status429: number;
  listenerRequests: number;
  triggerOutcomes: Record<string, number>;
  /** Listener answers per second from the burst's start (200s and 429s): shows where the drain is slow. */
  timeline: { accepted: number[]; status429: number[] };
  cost: { invocations: number; queuePushes: number; kvsReads: number; kvsWrites: number; gbSeconds: number };
}

/** Generous: a burst that needs more than this is lost for the figures, however it would end. */
const WAIT_LIMIT_MS = 90_000;

async function main(): Promise<BurstResult> {
  const events = Number(process.argv[2] ?? 500);
  const limitPerSecond = Number(process.argv[3] ?? 50);
  const listener = await startBenchListener({ token: 'bench_burst_token_0123456789', limitPerSecond });
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-burst-'));
  const platform = await startLocalPlatform({
    port: 0,
    dataDir,
    appRoot: REPO_ROOT,
    // LISTENER_RATE: the connection is told the listener's real limit.
    listener: { url: listener.url, token: listener.token, rate: limitPerSecond },
    latencyMs: { ...LATENCY_MS },
    quiet: true,
    // BENCH_DEBUG=1: the platform's log on stderr, stamped with ms since start, to see where a burst waits.
    ...(process.env.BENCH_DEBUG ? { log: (line: string) => void process.stderr.write(`${Math.round(performance.now())} ${line}\n`) } : {}),
  });
  try {
    if (platform.seed.action === 'failed') throw new Error(`seeding the connection failed: ${platform.seed.message}`);
    let clock = Date.now();
    // One event first: the container is warm and its configuration cached, as it is in production.
    clock += 1000;
    await platform.forge.dispatchEvent(fixtureEvent('issue-created', clock));
    await listener.waitForDelivered(1, 10_000);
    await new Promise<void>((resolve) => setTimeout(resolve, 1_100)); // the listener's window empties
    const warm = listener.stats();
    const before = platform.forge.metrics();

    const outcomes: Record<string, number> = {};
    const started = performance.now();
    const fired = Array.from({ length: events }, () => {
      clock += 1;
      return platform.forge.dispatchEvent(fixtureEvent('issue-updated-field', clock)).then((reports) => {
        for (const r of reports) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      });
    });
    const allDelivered = listener.waitForDelivered(warm.deliveredUnique + events, WAIT_LIMIT_MS);
    await Promise.all(fired);
    await allDelivered;
    const stats = listener.stats();
    const drainMs = stats.lastDeliveredAt - started;
    const after: PlatformMetrics = platform.forge.metrics();
    const delivered = stats.deliveredUnique - warm.deliveredUnique;
    return {
      events,
      limitPerSecond,
      drainMs,
      burstDrainRatio: drainMs / ((events / limitPerSecond) * 1000),
      lost: events - delivered,
      status429: stats.status429 - warm.status429,
      listenerRequests: stats.requests - warm.requests,
      triggerOutcomes: outcomes,
      timeline: listener.timeline(started),
      cost: {
        invocations: after.invocations - before.invocations,
        queuePushes: after.queuePushes - before.queuePushes,
        kvsReads: after.kvsReads - before.kvsReads,
        kvsWrites: after.kvsWrites - before.kvsWrites,
        gbSeconds: after.gbSeconds - before.gbSeconds,
      },
    };
  } finally {
    await platform.close();
    await listener.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runAsScenario(main);
