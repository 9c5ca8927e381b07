import type { AdminOverview, ConnectionView, DeliveryDetail, DeliveryFilter, DeliveryPage, DeliveryState, DeliveryView, ResolverResult } from '../../src/shared/contract';
import { fixtureEvent, type TestPlatform } from './platform';

/**
 * Read-side helpers for fault-injection tests: the delivery log through the admin resolvers, the
 * platform's invocation log lines, and the retry schedule the app promises (kept here, from the spec,
 * rather than imported from src/, so the tests check the app against it).
 */

/** Waits after each failed attempt (s): 5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; ±10 % jitter. */
export const RETRY_SCHEDULE_SECONDS = [5, 60, 300, 1_800, 7_200, 18_000, 36_000, 36_000] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;
export const JITTER = 0.1;
/** The app treats a queued retry up to 1 s early as due (queue delays are whole seconds). */
export const DUE_SLACK_MS = 1_000;
export const TRIGGER_LIMIT_MS = 25_000;

let sequence = 0;
/** A fixture event with a timestamp no other event in this test file has, so it is a distinct event. */
export function distinctEvent(name: string): Record<string, unknown> {
  sequence += 1;
  const event = fixtureEvent(name);
  event.timestamp = String(1_760_000_000_000 + sequence * 1_000);
  return event;
}

function unwrap<T>(result: ResolverResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.data;
}

/** The admin page's overview, as the Jira admin gets it. */
export async function adminOverview(platform: TestPlatform): Promise<AdminOverview> {
  return unwrap(await platform.invokeAdmin<AdminOverview>('admin/overview', {}, platform.users.admin.accountId), 'admin/overview failed');
}

/** The connection of that name on the admin overview, if any. */
export async function connectionByName(platform: TestPlatform, name: string): Promise<ConnectionView | undefined> {
  return (await adminOverview(platform)).connections.find((c) => c.name === name);
}

export async function listAllDeliveries(platform: TestPlatform, filter: DeliveryFilter = {}): Promise<DeliveryView[]> {
  const out: DeliveryView[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await platform.invokeAdmin<DeliveryPage>('deliveries/list', { ...filter, limit: 50, cursor }, platform.users.admin.accountId),
      'deliveries/list',
    );
    out.push(...page.deliveries);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export async function deliveryDetail(platform: TestPlatform, ref: { eventId: string; connectionId: string }): Promise<DeliveryDetail> {
  return unwrap(await platform.invokeAdmin<DeliveryDetail>('deliveries/get', ref, platform.users.admin.accountId), 'deliveries/get');
}

export async function redeliver(platform: TestPlatform, ref: { eventId: string; connectionId: string }): Promise<DeliveryDetail> {
  return unwrap(await platform.invokeAdmin<DeliveryDetail>('deliveries/redeliver', ref, platform.users.admin.accountId), 'deliveries/redeliver');
}

/** Polls the delivery log until every one of `eventIds` has a record for which `done` holds. */
export async function waitForDeliveries(
  platform: TestPlatform,
  eventIds: readonly string[],
  done: (d: DeliveryView) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<DeliveryView[]> {
  const deadline = Date.now() + timeoutMs;
  let latest: DeliveryView[] = [];
  for (;;) {
    const all = await listAllDeliveries(platform);
    latest = eventIds.map((id) => all.find((d) => d.eventId === id)).filter((d): d is DeliveryView => d !== undefined);
    if (latest.length === eventIds.length && latest.every(done)) return latest;
    if (Date.now() > deadline) {
      const states = latest.map((d) => `${d.eventId.slice(0, 12)}:${d.state}/${d.attempts}`).join(', ');
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; have ${latest.length}/${eventIds.length}: ${states}`);
    }
    await sleep(100);
  }
}

export const inState = (state: DeliveryState) => (d: DeliveryView): boolean => d.state === state;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface InvocationLine {
  kind: 'trigger' | 'consumer' | 'resolver' | 'scheduled';
  moduleKey: string;
  functionKey: string;
  rest: string;
  durationMs: number;
}

/** The runtime's invocation lines: `[forge] trigger <module> → <function> <label> <outcome> (<n> ms)`. */
export function invocationLines(logs: readonly string[]): InvocationLine[] {
  const pattern = /^\[forge\] (trigger|consumer|resolver|scheduled) (\S+) → (\S+) (.*) \((\d+) ms\)$/;
  return logs.flatMap((line) => {
    const m = pattern.exec(line);
    if (!m) return [];
    return [{ kind: m[1] as InvocationLine['kind'], moduleKey: m[2], functionKey: m[3], rest: m[4], durationMs: Number(m[5]) }];
  });
}

/**
 * Milliseconds between consecutive automatic attempts of a delivery, from its attempt log (`at` ISO times):
 * the retry schedule's gaps, without an admin's redeliveries.
 */
export function attemptGapsMs(detail: Pick<DeliveryDetail, 'attemptLog'>): number[] {
  const times = detail.attemptLog.filter((a) => !a.manual).map((a) => Date.parse(a.at));
  return times.slice(1).map((t, i) => t - times[i]);
}
