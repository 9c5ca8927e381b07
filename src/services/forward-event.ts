import { z } from 'zod';
import type { RelayConfig, StoredConnection } from '../core/connection';
import { parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import { hostOfUrl, hostRate, type Pacer } from '../core/pacer';
import { storedRequest, withAttempt, type DeliveryRecord } from '../core/delivery-record';
import { InvalidEventError, normalizeEvent, type NormalizedEvent } from '../core/normalize-event';
import { routeEvent } from '../core/route-event';
import { retriesLeft, triggerRetryAfter } from '../core/trigger-retry';
import { buildWebhookBody, type FetchedIssue } from '../core/webhook-body';
import type { ConfigCache } from './config-cache';
import { attemptOutcome } from './attempt-outcome';
import { encodeBody } from './encode-body';
import type { Clock, DeliveryStore, HttpSender, JiraClient, Logger, RetryJob, RetryQueue } from './ports';
import { sendToListener } from './send-to-listener';

export interface ForwardDeps {
  cache: ConfigCache;
  jira: JiraClient;
  http: HttpSender;
  deliveries: DeliveryStore;
  queue: RetryQueue;
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
}

export type ForwardOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'done'; eventId: string; delivered: string[]; failed: string[] }
  | { kind: 'retry'; eventId: string; retryAfterSeconds: number; retryData: RetryData };

/** What a retry needs to know, carried in Forge's `retryData` (≤ 4 KB): which connections are left. */
const retryDataSchema = z.object({ pending: z.array(z.string()).max(100) });
export type RetryData = z.infer<typeof retryDataSchema>;

const MAX_REQUEST_TIMEOUT_MS = 10_000;
/** Kept free at the end of the invocation to write the records and return before Forge's 25 s limit. */
const RESERVE_MS = 3_000;

/** Forwards one Forge event to every connection that wants it; one KVS write per connection. */
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
  let targets = routeEvent(event, config);
  const retryCount = input.retry?.retryCount ?? 0;
  let previous: DeliveryRecord[] = [];
  if (input.retry) {
    const pending = retryDataSchema.safeParse(input.retry.retryData);
    if (pending.success) targets = targets.filter((c) => pending.data.pending.includes(c.id));
    previous = await deps.deliveries.getMany(event.id, targets.map((c) => c.id));
  }
  if (targets.length === 0) return { kind: 'ignored', reason: 'No connection wants this event' };

  const encoded = encodeBody(buildWebhookBody(event, await fetchIssue(deps, event)));
  const results = await Promise.all(
    targets.map((connection) =>
      deliverOnce(deps, input, config, event, connection, encoded, previous.find((r) => r.connectionId === connection.id)),
    ),
  );
  await deps.deliveries.putMany(results.map((r) => r.record));
  deps.logger.info('Event forwarded', {
    eventId: event.id,
    webhookEvent: event.webhookEvent,
    issueKey: event.issue.key,
    results: results.map((r) => ({ connectionId: r.record.connectionId, state: r.record.state, status: r.record.status })),
  });

  const retrying = results.filter((r) => r.record.state === 'retrying');
  if (retrying.length > 0) {
    const fallback = await scheduleRetries(deps, retrying.map((r) => r.record), retryCount);
    if (fallback) return { kind: 'retry', eventId: event.id, ...fallback };
  }
  return {
    kind: 'done',
    eventId: event.id,
    delivered: results.filter((r) => r.record.state === 'delivered').map((r) => r.record.connectionId),
    failed: results.filter((r) => r.record.state === 'failed').map((r) => r.record.connectionId),
  };
}

/**
 * Hands retries to the Forge queue. When the queue refuses (rate limit, size), Forge's own trigger retry
 * is the fallback; when that too is used up, the deliveries end `failed`, visible and replayable.
 */
async function scheduleRetries(
  deps: ForwardDeps,
  records: DeliveryRecord[],
  retryCount: number,
): Promise<{ retryAfterSeconds: number; retryData: RetryData } | undefined> {
  const now = deps.clock.now();
  try {
    await deps.queue.push(records.map((record) => retryJob(record, now)), now);
    return undefined;
  } catch (error) {
    deps.logger.warn('Retry queue refused; falling back to a platform retry', { error: error instanceof Error ? error.message : String(error) });
  }
  if (retriesLeft(retryCount)) {
    const soonest = Math.min(...records.map((r) => Math.ceil(((r.detail.nextAttemptAt ?? now) - now) / 1000)));
    return { retryAfterSeconds: triggerRetryAfter(retryCount, soonest), retryData: { pending: records.map((r) => r.connectionId) } };
  }
  await deps.deliveries.putMany(
    records.map((r) => ({ ...r, state: 'failed' as const, detail: { ...r.detail, nextAttemptAt: undefined } })),
  );
  return undefined;
}

export function retryJob(record: DeliveryRecord, nowMs: number): RetryJob {
  return {
    eventId: record.eventId,
    connectionId: record.connectionId,
    dueAt: record.detail.nextAttemptAt ?? nowMs,
    host: hostOf(record.detail.request.url),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}

async function fetchIssue(deps: ForwardDeps, event: NormalizedEvent): Promise<FetchedIssue | undefined> {
  // A deleted issue cannot be fetched; save the call and send what the event carries.
  if (event.forgeEventType === 'avi:jira:deleted:issue') return undefined;
  try {
    const lookup = await deps.jira.getIssue(event.issue.id);
    if (lookup.found) return lookup.issue;
    deps.logger.info('Issue not fetched; sending the event’s own fields', { issueKey: event.issue.key, status: lookup.status });
  } catch (error) {
    deps.logger.warn('Issue fetch failed; sending the event’s own fields', { issueKey: event.issue.key, error: String(error) });
  }
  return undefined;
}

/** Waits shorter than this happen inside the invocation; longer ones go through the queue. */
const MAX_INLINE_WAIT_MS = 1_000;

async function deliverOnce(
  deps: ForwardDeps,
  input: ForwardInput,
  config: RelayConfig,
  event: NormalizedEvent,
  connection: StoredConnection,
  encoded: ReturnType<typeof encodeBody>,
  previous: DeliveryRecord | undefined,
): Promise<{ record: DeliveryRecord }> {
  const now = deps.clock.now();
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
    detail: { attemptLog: [], request: { url: connection.url, headers: {} } },
  };
  if (!encoded.ok) {
    // Too large even without issue fields: fail it now with the reason rather than retry for a day.
    const attempt = { at: new Date(now).toISOString(), latencyMs: 0, error: encoded.reason };
    return { record: withAttempt({ ...base, detail: { ...base.detail, request: storedRequest(connection.url, {}, '', withoutRetry(input.rawEvent)) } }, attempt, 'failed', now) };
  }
  const request = storedRequest(connection.url, base.detail.request.headers, encoded.body, withoutRetry(input.rawEvent));

  // An open breaker means the listener is down: the event waits for the probe instead of being sent.
  const breaker = config.breakers[connection.id];
  if (breaker) return { record: parked(base, request, Math.max(breaker.probeAt, now) + Math.round(deps.random() * 30_000), 'breaker', now) };
  const host = hostOfUrl(connection.url);
  const slot = deps.pacer.reserve(host, hostRate(config.connections, host), now);
  if (slot - now > MAX_INLINE_WAIT_MS) return { record: parked(base, request, slot, 'rate-limit', now) };
  if (slot > now) await deps.sleep(slot - now);

  const token = await deps.cache.token(connection.id);
  const timeoutMs = Math.max(1_000, Math.min(MAX_REQUEST_TIMEOUT_MS, input.remainingMs() - RESERVE_MS));
  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: event.id,
    body: encoded.body,
    timeoutMs,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    signingSecrets: await deps.cache.signingSecrets(connection),
  });
  const done = deps.clock.now();
  backOffOn429(deps.pacer, host, result.outcome, done);
  const after = attemptOutcome(result.outcome, base.attempts + 1, done, deps.random());
  const record = withAttempt(
    {
      ...base,
      detail: {
        ...base.detail,
        request: { ...request, headers: maskedHeaders },
        nextAttemptAt: after.nextAttemptAt,
        configurationError: after.configurationError,
        waitingFor: undefined,
      },
    },
    attempt,
    after.state,
    done,
  );
  return { record };
}

/** A delivery that waits without an attempt (no attempt is spent, so nothing runs out while it waits). */
function parked(base: DeliveryRecord, request: DeliveryRecord['detail']['request'], dueAt: number, waitingFor: 'rate-limit' | 'breaker', now: number): DeliveryRecord {
  return { ...base, state: 'retrying', updatedAt: now, detail: { ...base.detail, request, nextAttemptAt: dueAt, waitingFor } };
}

/** A 429 pauses every request to that host until its Retry-After (1 s when it gives none). */
export function backOffOn429(pacer: Pacer, host: string, outcome: AttemptOutcome, nowMs: number): void {
  if ('status' in outcome && outcome.status === 429) {
    pacer.pause(host, nowMs + (parseRetryAfter(outcome.retryAfterHeader, nowMs) ?? 1) * 1000);
  }
}

/** The event as Forge first delivered it, for a redelivery that must rebuild the body. */
function withoutRetry(rawEvent: unknown): unknown {
  if (typeof rawEvent !== 'object' || rawEvent === null) return rawEvent;
  const copy: Record<string, unknown> = { ...(rawEvent as Record<string, unknown>) };
  delete copy.retryContext;
  return copy;
}
