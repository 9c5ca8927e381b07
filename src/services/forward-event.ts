import { z } from 'zod';
import { classifyAttempt, parseRetryAfter } from '../core/classify-attempt';
import type { StoredConnection } from '../core/connection';
import { storedRequest, withAttempt, type DeliveryRecord } from '../core/delivery-record';
import { InvalidEventError, normalizeEvent, type NormalizedEvent } from '../core/normalize-event';
import { routeEvent } from '../core/route-event';
import { retriesLeft, triggerRetryAfter } from '../core/trigger-retry';
import { buildWebhookBody, type FetchedIssue } from '../core/webhook-body';
import type { ConfigCache } from './config-cache';
import type { Clock, DeliveryStore, HttpSender, JiraClient, Logger } from './ports';
import { sendToListener } from './send-to-listener';

export interface ForwardDeps {
  cache: ConfigCache;
  jira: JiraClient;
  http: HttpSender;
  deliveries: DeliveryStore;
  clock: Clock;
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

  const body = JSON.stringify(buildWebhookBody(event, await fetchIssue(deps, event)));
  const results = await Promise.all(
    targets.map((connection) =>
      deliverOnce(deps, input, event, connection, body, retryCount, previous.find((r) => r.connectionId === connection.id)),
    ),
  );
  await deps.deliveries.putMany(results.map((r) => r.record));

  const retrying = results.filter((r) => r.record.state === 'retrying');
  deps.logger.info('Event forwarded', {
    eventId: event.id,
    webhookEvent: event.webhookEvent,
    issueKey: event.issue.key,
    results: results.map((r) => ({ connectionId: r.record.connectionId, state: r.record.state, status: r.record.status })),
  });
  if (retrying.length > 0) {
    const hint = Math.max(0, ...retrying.map((r) => r.retryAfterHint ?? 0));
    return {
      kind: 'retry',
      eventId: event.id,
      retryAfterSeconds: triggerRetryAfter(retryCount, hint),
      retryData: { pending: retrying.map((r) => r.record.connectionId) },
    };
  }
  return {
    kind: 'done',
    eventId: event.id,
    delivered: results.filter((r) => r.record.state === 'delivered').map((r) => r.record.connectionId),
    failed: results.filter((r) => r.record.state === 'failed').map((r) => r.record.connectionId),
  };
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

async function deliverOnce(
  deps: ForwardDeps,
  input: ForwardInput,
  event: NormalizedEvent,
  connection: StoredConnection,
  body: string,
  retryCount: number,
  previous: DeliveryRecord | undefined,
): Promise<{ record: DeliveryRecord; retryAfterHint?: number }> {
  const token = await deps.cache.token(connection.id);
  const timeoutMs = Math.max(1_000, Math.min(MAX_REQUEST_TIMEOUT_MS, input.remainingMs() - RESERVE_MS));
  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: event.id,
    body,
    timeoutMs,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
  });
  const verdict = classifyAttempt(result.outcome);
  const state = verdict === 'success' ? 'delivered' : verdict === 'retryable' && retriesLeft(retryCount) ? 'retrying' : 'failed';
  const now = deps.clock.now();
  const base: DeliveryRecord = previous ?? {
    eventId: event.id,
    connectionId: connection.id,
    connectionName: connection.name,
    webhookEvent: event.webhookEvent,
    issueKey: event.issue.key,
    projectKey: event.issue.projectKey ?? '',
    state,
    createdAt: now,
    updatedAt: now,
    status: 0,
    attempts: 0,
    latencyMs: 0,
    detail: { attemptLog: [], request: { url: connection.url, headers: {} } },
  };
  const record = withAttempt(
    { ...base, detail: { ...base.detail, request: storedRequest(connection.url, maskedHeaders, body, withoutRetry(input.rawEvent)) } },
    attempt,
    state,
    now,
  );
  const retryAfterHint = 'status' in result.outcome ? parseRetryAfter(result.outcome.retryAfterHeader, now) : undefined;
  return { record, retryAfterHint };
}

/** The event as Forge first delivered it, for a redelivery that must rebuild the body. */
function withoutRetry(rawEvent: unknown): unknown {
  if (typeof rawEvent !== 'object' || rawEvent === null) return rawEvent;
  const copy: Record<string, unknown> = { ...(rawEvent as Record<string, unknown>) };
  delete copy.retryContext;
  return copy;
}
