import type { TestConnectionResult } from '../shared/contract';
import type { RelayConfig } from '../core/connection';
import { ConfigBusyError } from './config-busy';
import type { ConfigCache } from './config-cache';
import { retryJobFor } from './retry-job';
import type { Clock, ConfigStore, DeliveryStore, Logger, RetryJob, RetryQueue } from './ports';
import { testConnection, type TestConnectionDeps } from './test-connection';

/**
 * An event that has failed this many attempts (over 6 minutes by the retry schedule) means the listener
 * is down, not hiccuping: the connection's breaker opens and new events wait instead of hammering it.
 */
export const BREAKER_AFTER_ATTEMPTS = 4;
/** The probe runs from a five-minute scheduled trigger (manifest.yml). */
export const PROBE_INTERVAL_MS = 5 * 60 * 1000;

/** How long a delivery waits behind an open breaker before it looks again: one probe interval, spread over 30 s. */
export function breakerWaitSeconds(random: number): number {
  return PROBE_INTERVAL_MS / 1000 + Math.round(random * 30);
}
const BACKLOG_RELEASE_CAP = 400;
/** How long a background writer waits for the configuration's lock before it leaves the change to its next run. */
const BACKGROUND_LOCK_WAIT_MS = 1_000;

export interface BreakerDeps {
  configStore: ConfigStore;
  cache: ConfigCache;
  clock: Clock;
  logger: Logger;
}

/**
 * Opens the connection's breaker unless it is open already. Called by the retry consumer after a failed
 * attempt: when an admin's save holds the configuration, the breaker is left shut rather than the
 * delivery failed, since the connection's next failed attempt opens it.
 */
export async function openBreaker(deps: BreakerDeps, connectionId: string, reason: string): Promise<void> {
  // During an outage every failing delivery gets here: those that find the breaker open already must not
  // queue for the lock (and keep an admin's save waiting) only to write nothing.
  if (!needsOpening(await deps.configStore.load(), connectionId)) return;
  let opened: boolean;
  try {
    opened = await deps.configStore.update(
      (config) => {
        if (!needsOpening(config, connectionId)) return { result: false };
        const now = deps.clock.now();
        return { config: { ...config, breakers: { ...config.breakers, [connectionId]: { openedAt: now, reason, probeAt: now + PROBE_INTERVAL_MS } } }, result: true };
      },
      // The consumer's time is counted (process-retry.ts): a breaker left shut is tolerated, an overrun is not.
      { waitMs: BACKGROUND_LOCK_WAIT_MS },
    );
  } catch (error) {
    if (!(error instanceof ConfigBusyError)) throw error;
    deps.logger.warn('Circuit breaker not opened: the configuration is being saved; the next failed attempt opens it', { connectionId });
    return;
  }
  if (!opened) return;
  deps.cache.invalidate();
  deps.logger.warn('Circuit breaker opened: deliveries wait until a probe succeeds', { connectionId, reason });
}

function needsOpening(config: RelayConfig, connectionId: string): boolean {
  return !config.breakers[connectionId] && config.connections.some((c) => c.id === connectionId);
}

export type ProbeDeps = BreakerDeps & TestConnectionDeps & { deliveries: DeliveryStore; queue: RetryQueue };

/**
 * The periodic probe (every run of the five-minute scheduled trigger): a test request to each paused
 * connection. Success closes the breaker and releases the backlog to the queue (paced there); failure
 * records the reason and the time of the next probe.
 */
export async function probeBreakers(deps: ProbeDeps): Promise<{ closed: string[]; stillOpen: string[] }> {
  const config = await deps.configStore.load();
  const now = deps.clock.now();
  const open = Object.keys(config.breakers).filter((id) => config.connections.some((c) => c.id === id));
  // In parallel: each probe may wait up to its 10 s timeout, and the scheduled function has 55 s.
  const results = await Promise.all(open.map(async (id) => ({ id, result: await testConnection(deps, id) })));
  const closed = results.filter((r) => r.result.ok).map((r) => r.id);
  const stillOpen = results.filter((r) => !r.result.ok);
  const orphans = Object.keys(config.breakers).filter((id) => !open.includes(id));
  let latest = config;
  if (results.length > 0 || orphans.length > 0) {
    try {
      // The probes ran before the lock (each may take its 10 s timeout); their outcome is applied to the
      // configuration as stored now, so a breaker opened or a connection saved meanwhile is kept.
      latest = await deps.configStore.update((fresh) => {
        const breakers = { ...fresh.breakers };
        for (const id of [...closed, ...orphans]) delete breakers[id];
        for (const { id, result } of stillOpen) {
          const current = breakers[id];
          if (current) breakers[id] = { ...current, reason: probeReason(result), probeAt: now + PROBE_INTERVAL_MS };
        }
        const next: RelayConfig = { ...fresh, breakers };
        return { config: next, result: next };
      });
    } catch (error) {
      if (!(error instanceof ConfigBusyError)) throw error;
      // Nothing closed, so nothing is released: the breakers stay as they were until the next run probes again.
      deps.logger.warn('Breaker probe not recorded: the configuration is being saved; the next run probes again', { connections: open });
      return { closed: [], stillOpen: open };
    }
    deps.cache.invalidate();
  }
  for (const connectionId of closed) {
    const released = await releaseBacklog(deps, connectionId, latest);
    deps.logger.info('Circuit breaker closed: backlog released', { connectionId, released });
  }
  return { closed, stillOpen: stillOpen.map((r) => r.id) };
}

/** The probe's failures without a status, in the words of the banner's clause (verdicts are codes). */
const PROBE_FAILURES: Partial<Record<TestConnectionResult['verdict'], string>> = {
  host_not_allowed: 'the listener’s host is not among the hosts the app may call',
  timeout: 'the listener did not answer in time',
  dns: 'the listener’s host name could not be found',
  tls: 'the listener’s certificate was not accepted',
  network: 'the listener could not be reached',
};

/** Why the probe failed, as a short clause for the admin page's banner ("…paused since <time>: <reason>"). */
function probeReason(result: TestConnectionResult): string {
  if (result.status !== undefined) return `the listener answered ${result.status} to the last probe`;
  return `the last probe failed: ${PROBE_FAILURES[result.verdict] ?? 'the listener could not be reached'}`;
}

/** Everything waiting for a connection, due now: the queue and the pacer send it at the listener's rate. */
async function releaseBacklog(deps: ProbeDeps, connectionId: string, config: RelayConfig): Promise<number> {
  const jobs: RetryJob[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.deliveries.query({ connectionId, state: 'retrying', limit: 100, cursor });
    // Only what waits because of the breaker, or is due anyway; the rest keeps its place in the schedule.
    const now = deps.clock.now();
    const due = page.records.filter((r) => r.detail.waitingFor === 'breaker' || (r.detail.nextAttemptAt ?? 0) <= now);
    jobs.push(...due.map((record) => retryJobFor(record, config, { waitSeconds: 0 })));
    cursor = page.nextCursor;
  } while (cursor && jobs.length < BACKLOG_RELEASE_CAP);
  if (jobs.length > 0) await deps.queue.push(jobs.slice(0, BACKLOG_RELEASE_CAP));
  return Math.min(jobs.length, BACKLOG_RELEASE_CAP);
}
