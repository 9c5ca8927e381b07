import type { RelayConfig } from '../core/connection';
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
const BACKLOG_RELEASE_CAP = 400;

export interface BreakerDeps {
  configStore: ConfigStore;
  cache: ConfigCache;
  clock: Clock;
  logger: Logger;
}

export async function openBreaker(deps: BreakerDeps, connectionId: string, reason: string): Promise<void> {
  const config = await deps.configStore.load();
  if (config.breakers[connectionId] || !config.connections.some((c) => c.id === connectionId)) return;
  const now = deps.clock.now();
  await deps.configStore.save({ ...config, breakers: { ...config.breakers, [connectionId]: { openedAt: now, reason, probeAt: now + PROBE_INTERVAL_MS } } });
  deps.cache.invalidate();
  deps.logger.warn('Circuit breaker opened: deliveries wait until a probe succeeds', { connectionId, reason });
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
  const closed: string[] = [];
  const stillOpen: string[] = [];
  const breakers = { ...config.breakers };
  for (const [connectionId, breaker] of Object.entries(config.breakers)) {
    if (!config.connections.some((c) => c.id === connectionId)) {
      delete breakers[connectionId];
      continue;
    }
    const result = await testConnection(deps, connectionId);
    if (result.ok) {
      delete breakers[connectionId];
      closed.push(connectionId);
    } else {
      breakers[connectionId] = { ...breaker, reason: result.message, probeAt: now + PROBE_INTERVAL_MS };
      stillOpen.push(connectionId);
    }
  }
  if (closed.length > 0 || stillOpen.length > 0 || Object.keys(breakers).length !== Object.keys(config.breakers).length) {
    const fresh = await deps.configStore.load();
    await deps.configStore.save({ ...fresh, breakers });
    deps.cache.invalidate();
  }
  const latest = await deps.configStore.load();
  for (const connectionId of closed) {
    const released = await releaseBacklog(deps, connectionId, latest);
    deps.logger.info('Circuit breaker closed: backlog released', { connectionId, released });
  }
  return { closed, stillOpen };
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
