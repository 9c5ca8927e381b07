// zod/mini, the tree-shakable form of zod: this runs in the trigger, whose bundle size is measured (bench).
import * as z from 'zod/mini';
import type { RelayConfig, StoredConnection } from '../core/connection';
import type { EventKind } from '../shared/events';
import { failedWith, storedRequest, type DeliveryRecord } from '../core/delivery-record';
import { InvalidEventError, normalizeEvent, withFetchedIssue, type NormalizedEvent } from '../core/normalize-event';
import type { BookedSlot, Pacer } from '../core/pacer';
import { anyConnectionWants, routeEvent } from '../core/route-event';
import { JSON_CONTENT_TYPE, renderPayload, type RenderedPayload } from '../core/render-payload';
import { buildWebhookBody, type FetchedIssue } from '../core/webhook-body';
import { recordAfterSend } from './attempt-outcome';
import { awaitSendSlot, bookSlot, sendTarget } from './await-send-slot';
import { learnFromAnswer } from './back-off';
import { breakerWaitSeconds } from './breaker';
import type { ConfigCache } from './config-cache';
import type { AttemptClaims, Clock, DeliveryRecords, EventJira, HttpSender, Logger, RetryJob, RetryQueue } from './ports';
import { resumable, type Resumable } from './resume-on-retry';
import { nextAttemptJob, rescheduleJob, retryJobFor } from './retry-job';
import { scheduleRetries } from './schedule-retries';
import { sendToListener } from './send-to-listener';
import { withTimeout } from './with-timeout';
import { HELD_CLAIM_RECHECK_SECONDS } from '../core/attempt-claim';
import { retriesLeft } from '../core/trigger-retry';

/** A delivery that failed before it was sent or recorded is tried again by Forge's retry of the event. */
const UNSENT_RETRY_SECONDS = 60;

export interface ForwardDeps {
  cache: ConfigCache;
  jira: EventJira;
  http: HttpSender;
  deliveries: DeliveryRecords;
  queue: RetryQueue;
  claims: AttemptClaims;
  pacer: Pacer;
  sleep: (ms: number) => Promise<void>;
  clock: Clock;
  random: () => number;
  logger: Logger;
  userAgent: string;
}

export interface ForwardInput {
  rawEvent: unknown;
  /** From Forge's `retryContext` when this invocation is a platform retry. */
  retry?: { retryCount: number; retryData?: unknown };
  /** Time left in this invocation (Forge gives triggers 25 s). */
  remainingMs: () => number;
  /** The issue as already fetched (the SLA scan's search returns it), which spares fetching it again. */
  issue?: FetchedIssue;
  /** False outside a trigger (the SLA scan): no Forge retry can fall back when the queue refuses. */
  platformRetries?: boolean;
}

export type ForwardOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'done'; eventId: string; delivered: string[]; failed: string[]; waiting: string[] }
  | { kind: 'retry'; eventId: string; retryAfterSeconds: number; retryData: RetryData };

/** What a platform retry needs to know, carried in Forge's `retryData` (≤ 4 KB): which connections are left. */
const retryDataSchema = z.object({ pending: z.array(z.string()).check(z.maxLength(100)) });
export type RetryData = z.infer<typeof retryDataSchema>;

const MAX_REQUEST_TIMEOUT_MS = 10_000;
const ISSUE_FETCH_TIMEOUT_MS = 6_000;
/** Kept free at the end of the invocation to write the records and return before Forge's 25 s limit. */
const RESERVE_MS = 3_000;
/** Waits for a rate-limit slot shorter than this happen inside the invocation; longer ones go to the queue. */
const MAX_INLINE_WAIT_MS = 1_000;
/**
 * A retried trigger that sends deliveries the queue had no room for waits longer: parking them again would
 * most likely meet the same refusal and spend another of Forge's 4 trigger retries.
 */
const RESUMED_MAX_INLINE_WAIT_MS = 10_000;

interface Delivered {
  record: DeliveryRecord;
  /** Set when the delivery waits in the queue: for its next attempt, a rate-limit slot or the breaker. */
  job?: RetryJob;
}

/**
 * Forwards one Forge event to every connection that wants it. On the success path that is one GET of the
 * issue, one POST and one KVS write per connection; a failure hands the delivery to the retry queue.
 */
export async function forwardEvent(deps: ForwardDeps, input: ForwardInput): Promise<ForwardOutcome> {
  let event: NormalizedEvent;
  try {
    event = normalizeEvent(input.rawEvent, deps.clock.now());
  } catch (error) {
    if (error instanceof InvalidEventError) {
      deps.logger.warn('Event ignored', { reason: error.message });
      return { kind: 'ignored', reason: error.message };
    }
    throw error;
  }

  const config = await deps.cache.config();
  let fetched = input.issue;
  let issueLookedUp = fetched !== undefined;
  if (!event.carriesIssue && !issueLookedUp && anyConnectionWants(event, config)) {
    // Work log, attachment and link events name their issue only by id: its project decides the routing.
    fetched = await fetchIssue(deps, event, input.remainingMs);
    issueLookedUp = true;
  }
  event = withFetchedIssue(event, fetched);
  let targets = routeEvent(event, config);
  const retryCount = input.retry?.retryCount ?? 0;
  let previous: DeliveryRecord[] = [];
  let resumed: Resumable[] = [];
  let rescheduled: Required<Delivered>[] = [];
  if (input.retry) {
    // A platform retry exists only because scheduling failed. What was attempted is scheduled again (even
    // if its connection was disabled or deleted since: the retry then ends it visibly) rather than sent
    // again ahead of its backoff or Retry-After, unless it only waited for the listener's rate and is due
    // (resume-on-retry.ts); what was never attempted is sent now.
    const pending = retryDataSchema.safeParse(input.retry.retryData);
    const pendingIds = pending.success ? pending.data.pending : targets.map((c) => c.id);
    previous = await deps.deliveries.getMany(event.id, pendingIds);
    const now = deps.clock.now();
    const retrying = previous.filter((r) => r.state === 'retrying');
    resumed = retrying.map((record) => resumable(record, config, now, resumedInlineWaitMs(input))).filter((r): r is Resumable => r !== undefined);
    rescheduled = retrying.filter((r) => !resumed.some((x) => x.record === r)).map((record) => ({ record, job: rescheduleJob(record, config, now) }));
    targets = targets.filter((c) => pendingIds.includes(c.id) && !previous.some((p) => p.connectionId === c.id));
  }
  targets = await matchingJql(deps, event, targets);
  if (targets.length === 0 && resumed.length === 0 && rescheduled.length === 0) return { kind: 'ignored', reason: 'No connection wants this event' };

  const webhookBody = targets.length > 0 ? buildWebhookBody(event, issueLookedUp ? fetched : await fetchIssue(deps, event, input.remainingMs)) : undefined;
  // Kept in each record so a redelivery can rebuild the body: copied once per event, not per connection.
  const storedEvent = withoutRetry(input.rawEvent);
  const deliveries = [
    ...(webhookBody
      ? targets.map((connection) => ({ connectionId: connection.id, run: () => deliverOnce(deps, input, config, event, storedEvent, connection, renderPayload(connection.payload, webhookBody)) }))
      : []),
    ...resumed.map((r) => ({ connectionId: r.connection.id, run: () => deliverOnce(deps, input, config, event, storedEvent, r.connection, r.rendered, r) })),
  ];
  // Settled one by one: a delivery that fails (a secret that cannot be read) must not cost the others their records.
  const settled = await Promise.allSettled(deliveries.map((d) => d.run()));
  const sent = settled.flatMap((s) => (s.status === 'fulfilled' && s.value ? [s.value] : []));
  const unsent = deliveries.filter((_, i) => settled[i]?.status === 'rejected').map((d) => d.connectionId);
  const results = [...(await storeResults(deps, sent, previous)), ...rescheduled];
  deps.logger.info('Event forwarded', {
    eventId: event.id,
    webhookEvent: event.webhookEvent,
    issueKey: event.issue.key,
    results: results.map((r) => ({ connectionId: r.record.connectionId, state: r.record.state, status: r.record.status })),
  });

  const waiting = results.filter((r): r is Required<Delivered> => r.job !== undefined);
  const canRetry = input.platformRetries !== false;
  const fallback = waiting.length > 0 ? await scheduleRetries(deps, waiting, canRetry ? retryCount : undefined) : undefined;
  if (unsent.length > 0) {
    const rejection = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason as unknown;
    const error = rejection instanceof Error ? rejection.message : String(rejection);
    // Nothing was recorded for these: only Forge's retry of this event can still send them.
    if (!canRetry || !retriesLeft(retryCount)) throw new Error(`Not delivered to ${unsent.length} connection(s): ${error}`);
    deps.logger.warn('Some deliveries could not be made; Forge will retry them', { eventId: event.id, connectionIds: unsent, error });
    const pending = [...new Set([...(fallback?.retryData.pending ?? []), ...unsent])];
    return { kind: 'retry', eventId: event.id, retryAfterSeconds: Math.min(fallback?.retryAfterSeconds ?? UNSENT_RETRY_SECONDS, UNSENT_RETRY_SECONDS), retryData: { pending } };
  }
  if (fallback) return { kind: 'retry', eventId: event.id, ...fallback };
  return {
    kind: 'done',
    eventId: event.id,
    delivered: results.filter((r) => r.record.state === 'delivered').map((r) => r.record.connectionId),
    failed: results.filter((r) => r.record.state === 'failed').map((r) => r.record.connectionId),
    waiting: waiting.map((r) => r.record.connectionId),
  };
}

/**
 * Stores each delivery's record. A first record is written only if none exists: when it does, the same
 * Forge event was delivered twice and the other invocation owns the record and its retries (this one
 * sent the same webhook-id, which receivers deduplicate).
 */
async function storeResults(deps: ForwardDeps, sent: Delivered[], previous: DeliveryRecord[]): Promise<Delivered[]> {
  const updates = sent.filter((d) => previous.some((p) => p.connectionId === d.record.connectionId));
  if (updates.length > 0) await deps.deliveries.putMany(updates.map((d) => d.record));
  const firsts = sent.filter((d) => !updates.includes(d));
  const stored = await Promise.all(firsts.map(async (d) => ((await deps.deliveries.putNew(d.record)) ? d : undefined)));
  for (const d of firsts.filter((_, i) => !stored[i])) {
    deps.logger.info('Duplicate Forge event: the first delivery keeps the record', { eventId: d.record.eventId, connectionId: d.record.connectionId });
  }
  return [...updates, ...stored.filter((d): d is Delivered => d !== undefined)];
}

/**
 * Keeps the connections whose JQL condition the issue matches: one jql/match call for all of them. A
 * deleted issue can no longer match anything, so its deletion is sent to every connection that wants it.
 */
async function matchingJql(deps: ForwardDeps, event: NormalizedEvent, targets: StoredConnection[]): Promise<StoredConnection[]> {
  const withJql = targets.filter((c) => c.conditions.jql);
  if (withJql.length === 0 || event.forgeEventType === 'avi:jira:deleted:issue') return targets;
  const matched = await deps.jira.matchJql(withJql.map((c) => c.conditions.jql ?? ''), event.issue.id);
  const excluded = new Set(withJql.filter((_, i) => !matched[i]).map((c) => c.id));
  return targets.filter((c) => !excluded.has(c.id));
}

/**
 * The issue as the app sees it now. An event that carries its issue can go without (its own fields are
 * sent). One that names its issue only by id cannot be routed by project without it: Jira's trouble
 * (timeout, 5xx, 429) then throws, so that Forge retries the event instead of it reaching nobody; an issue
 * that is gone or hidden (404, 403) is final and the event goes on without it.
 */
async function fetchIssue(deps: ForwardDeps, event: NormalizedEvent, remainingMs: () => number): Promise<FetchedIssue | undefined> {
  // A deleted issue cannot be fetched; save the call and send what the event carries.
  if (event.forgeEventType === 'avi:jira:deleted:issue') return undefined;
  let problem: string;
  try {
    // Jira gets at most 6 s so that, with the listener's 10 s, the trigger stays inside Forge's 25 s.
    const lookup = await withTimeout(deps.jira.getIssue(event.issue.id), Math.max(1_000, Math.min(ISSUE_FETCH_TIMEOUT_MS, remainingMs() - 15_000)));
    if (lookup?.found) return lookup.issue;
    if (lookup && (lookup.status === 404 || lookup.status === 403)) {
      deps.logger.info('Issue not found; sending the event’s own fields', { issueId: event.issue.id, status: lookup.status });
      return undefined;
    }
    problem = `Jira answered ${lookup?.status ?? 'nothing in time'}`;
  } catch (error) {
    problem = String(error);
  }
  if (!event.carriesIssue) throw new Error(`The event’s issue ${event.issue.id} could not be fetched to route it: ${problem}`);
  deps.logger.warn('Issue fetch failed; sending the event’s own fields', { issueKey: event.issue.key, error: problem });
  return undefined;
}

/**
 * One attempt to one connection, or the delivery parked when the host's next slot (or its breaker) is
 * further away than the trigger waits. `resumed`: a delivery this trigger's earlier invocation handled,
 * whose attempt is claimed first, as a queue job for it may exist too; undefined when that job has it.
 */
async function deliverOnce(
  deps: ForwardDeps,
  input: ForwardInput,
  config: RelayConfig,
  event: NormalizedEvent,
  storedEvent: unknown,
  connection: StoredConnection,
  rendered: RenderedPayload,
  resumed?: Resumable,
): Promise<Delivered | undefined> {
  const now = deps.clock.now();
  const previous = resumed?.record;
  const base: DeliveryRecord = previous ?? {
    eventId: event.id,
    connectionId: connection.id,
    connectionName: connection.name,
    webhookEvent: event.webhookEvent,
    issueKey: event.issue.key,
    projectKey: event.issue.projectKey ?? '',
    state: 'retrying',
    createdAt: now,
    updatedAt: now,
    status: 0,
    attempts: 0,
    latencyMs: 0,
    detail: { attemptLog: [], request: { url: connection.url, headers: {} }, eventKind: sentAs(event, connection) },
  };
  if (!rendered.ok) {
    // Too large even without issue fields (or a template gone bad): fail it now with the reason rather
    // than retry for a day.
    return { record: failedWith({ ...base, detail: { ...base.detail, request: storedRequest(connection.url, {}, '', storedEvent) } }, rendered.reason, now) };
  }
  const request = {
    ...storedRequest(connection.url, base.detail.request.headers, rendered.body, storedEvent),
    contentType: rendered.contentType === JSON_CONTENT_TYPE ? undefined : rendered.contentType,
  };

  // An open breaker means the listener is down: the event waits for the probe instead of being sent.
  if (config.breakers[connection.id]) {
    const waitSeconds = breakerWaitSeconds(deps.random());
    const record = parked(base, request, now + waitSeconds * 1000, 'breaker', now);
    return { record, job: retryJobFor(record, config, { waitSeconds }) };
  }
  const token = await deps.cache.token(connection.id);
  const signingSecrets = await deps.cache.signingSecrets(connection);
  const target = sendTarget(config.connections, connection.url);
  const { host } = target;
  const parkFor = (slot: BookedSlot): Delivered => {
    // Written when parked: a retried trigger takes `updatedAt` as when the slot was booked (resume-on-retry.ts).
    const record = parked(base, request, slot.slot, 'rate-limit', slot.bookedAt);
    return { record, job: retryJobFor(record, config, { waitSeconds: 0, notBefore: slot.slot, bookedAt: slot.bookedAt, paced: true }) };
  };
  const maxInlineMs = resumed ? resumedInlineWaitMs(input) : MAX_INLINE_WAIT_MS;
  const slot = resumed?.booked ?? bookSlot(deps, target);
  if (deps.pacer.effectiveSlot(host, slot) - deps.clock.now() > maxInlineMs) return parkFor(slot);
  const attemptNo = base.attempts + 1;
  if (previous && !(await deps.claims.claim(base.eventId, base.connectionId, attemptNo))) {
    // A queue job is making this attempt, or the earlier run of this trigger died holding the claim:
    // check again once the claim has surely expired, so the delivery never waits with nothing behind it.
    return { record: base, job: retryJobFor(base, config, { waitSeconds: HELD_CLAIM_RECHECK_SECONDS }) };
  }
  const wait = await awaitSendSlot(deps, target, slot, maxInlineMs);
  if (wait.kind === 'park') {
    if (previous) await deps.claims.release(base.eventId, base.connectionId, attemptNo);
    return parkFor(wait.slot);
  }

  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: event.id,
    body: rendered.body,
    contentType: rendered.contentType,
    timeoutMs: Math.max(1_000, Math.min(MAX_REQUEST_TIMEOUT_MS, input.remainingMs() - RESERVE_MS)),
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    signingSecrets,
  });
  const done = deps.clock.now();
  learnFromAnswer(deps.pacer, host, wait.admittedAt, result.outcome, done);
  const { record, after } = recordAfterSend(base, { ...request, headers: maskedHeaders }, { outcome: result.outcome, attempt }, done, deps.random());
  return { record, job: after.retry ? nextAttemptJob(record, config, after.retry, after.rateLimited === true) : undefined };
}

/** Bounded by what is left of the invocation after the request and the records. */
function resumedInlineWaitMs(input: ForwardInput): number {
  return Math.max(MAX_INLINE_WAIT_MS, Math.min(RESUMED_MAX_INLINE_WAIT_MS, input.remainingMs() - MAX_REQUEST_TIMEOUT_MS - RESERVE_MS));
}

/** A delivery that waits without an attempt (no attempt is spent, so nothing runs out while it waits). */
function parked(base: DeliveryRecord, request: DeliveryRecord['detail']['request'], dueAt: number, waitingFor: 'rate-limit' | 'breaker', now: number): DeliveryRecord {
  return { ...base, state: 'retrying', updatedAt: now, detail: { ...base.detail, request, nextAttemptAt: dueAt, waitingFor } };
}

/** The event as Forge first delivered it, for a redelivery that must rebuild the body. */
function withoutRetry(rawEvent: unknown): unknown {
  if (typeof rawEvent !== 'object' || rawEvent === null) return rawEvent;
  const copy: Record<string, unknown> = { ...(rawEvent as Record<string, unknown>) };
  delete copy.retryContext;
  return copy;
}

/** The most specific of the event's kinds this connection subscribed to (kinds run from general to specific). */
function sentAs(event: NormalizedEvent, connection: StoredConnection): EventKind | undefined {
  return event.kinds.filter((kind) => connection.events.includes(kind)).at(-1);
}
