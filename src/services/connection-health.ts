import type { ConnectionHealth, ConnectionView } from '../shared/contract';
import type { RelayConfig } from '../core/connection';
import type { DeliveryRecord } from '../core/delivery-record';
import type { DeliveryStore } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;
const FAILURE_LAG_MS = 30 * 60 * 60 * 1000;
/** Counting stops here: the list shows "100+" rather than paging through a storm of failures. */
export const FAILURE_COUNT_CAP = 100;

/**
 * The last delivery, the failures of the last 24 hours and what is retrying now, from the delivery log's
 * indexes. A listener that fails every attempt has no `failed` delivery for hours (retries span ~28 h):
 * without the retrying count the list would call it healthy.
 */
export async function connectionHealth(store: DeliveryStore, connectionId: string, nowMs: number): Promise<ConnectionHealth> {
  return (await readHealth(store, connectionId, nowMs)).health;
}

/**
 * The connections list's health and, for a paused connection, its banner (why, when the next probe runs,
 * what waits): the backlog is the same retrying query the health counts from, read once.
 */
export async function healthAndBreaker(
  store: DeliveryStore,
  connectionId: string,
  breaker: RelayConfig['breakers'][string] | undefined,
  nowMs: number,
): Promise<{ health: ConnectionHealth; breaker?: ConnectionView['breaker'] }> {
  const { health, retrying } = await readHealth(store, connectionId, nowMs);
  if (!breaker) return { health };
  return {
    health,
    breaker: { since: new Date(breaker.openedAt).toISOString(), reason: breaker.reason, nextProbeAt: new Date(breaker.probeAt).toISOString(), backlog: retrying.length },
  };
}

async function readHealth(store: DeliveryStore, connectionId: string, nowMs: number): Promise<{ health: ConnectionHealth; retrying: readonly DeliveryRecord[] }> {
  const [latest, failures, retrying] = await Promise.all([
    store.query({ connectionId, limit: 1 }),
    // Failed in the last 24 h: by the last attempt, which can come up to ~28 h after the first.
    store.query({ connectionId, state: 'failed', fromMs: nowMs - DAY_MS - FAILURE_LAG_MS, limit: FAILURE_COUNT_CAP }),
    store.query({ connectionId, state: 'retrying', limit: FAILURE_COUNT_CAP }),
  ]);
  const last = latest.records[0];
  const health: ConnectionHealth = {
    lastDelivery: last
      ? { at: new Date(last.updatedAt).toISOString(), state: last.state, status: last.status || undefined, issueKey: last.issueKey }
      : undefined,
    failures24h: failures.records.filter((r) => r.updatedAt >= nowMs - DAY_MS).length,
    // Not those only waiting for a rate-limit slot or an open breaker before their first attempt.
    retrying: retrying.records.filter((r) => r.attempts > 0).length,
  };
  return { health, retrying: retrying.records };
}
