import { z } from 'zod';
import { withAttempt, type DeliveryRecord } from '../core/delivery-record';
import { normalizeEvent } from '../core/normalize-event';
import { buildWebhookBody } from '../core/webhook-body';
import { hostOfUrl, hostRate, type Pacer } from '../core/pacer';
import { attemptOutcome } from './attempt-outcome';
import { BREAKER_AFTER_ATTEMPTS, openBreaker } from './breaker';
import type { ConfigCache } from './config-cache';
import { encodeBody } from './encode-body';
import { backOffOn429, retryJob } from './forward-event';
import type { Clock, ConfigStore, DeliveryStore, HttpSender, JiraClient, Logger, RetryQueue } from './ports';
import { sendToListener } from './send-to-listener';

export interface RetryDeps {
  cache: ConfigCache;
  configStore: ConfigStore;
  pacer: Pacer;
  sleep: (ms: number) => Promise<void>;
  deliveries: DeliveryStore;
  queue: RetryQueue;
  http: HttpSender;
  jira: JiraClient;
  clock: Clock;
  random: () => number;
  logger: Logger;
  userAgent: string;
}

export const retryJobSchema = z.object({
  eventId: z.string().min(1),
  connectionId: z.string().min(1),
  dueAt: z.number(),
  manual: z.boolean().optional(),
  host: z.string(),
});

export type RetryResult = 'waiting' | 'skipped' | 'delivered' | 'retrying' | 'failed';

/** A queue hop may land a little early (delays are whole seconds); closer than this counts as due. */
const DUE_SLACK_MS = 1_000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One retry from the queue: hop again if it is not yet due (the queue delays at most 900 s), skip it if
 * the event was delivered meanwhile (a duplicate or a racing retry), otherwise send it with the SAME
 * webhook-id and schedule the next attempt or end it `failed`.
 */
export async function processRetry(deps: RetryDeps, raw: unknown): Promise<RetryResult> {
  const job = retryJobSchema.parse(raw);
  const now = deps.clock.now();
  if (job.dueAt - now > DUE_SLACK_MS) {
    await deps.queue.push([job], now);
    return 'waiting';
  }
  const record = await deps.deliveries.get(job.eventId, job.connectionId);
  if (!record) {
    deps.logger.warn('Retry dropped: its delivery record expired or was removed', { eventId: job.eventId, connectionId: job.connectionId });
    return 'skipped';
  }
  if (!job.manual && record.state !== 'retrying') return 'skipped';

  const config = await deps.cache.config();
  const connection = config.connections.find((c) => c.id === record.connectionId);
  if (!connection || !connection.enabled) {
    const reason = connection ? 'The connection is disabled; redeliver once it is enabled.' : 'The connection was deleted.';
    await deps.deliveries.putMany([withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error: reason }, 'failed', now)]);
    return 'failed';
  }
  // While the breaker is open, retries wait for the probe without spending attempts; an admin's
  // explicit redelivery still goes.
  const breaker = config.breakers[connection.id];
  if (breaker && !job.manual) {
    await deps.queue.push([{ ...job, dueAt: Math.max(breaker.probeAt, now + 60_000) + Math.round(deps.random() * 30_000) }], now);
    return 'waiting';
  }
  const host = hostOfUrl(connection.url);
  const slot = deps.pacer.reserve(host, hostRate(config.connections, host), now, job.dueAt);
  if (slot - now > DUE_SLACK_MS) {
    await deps.queue.push([{ ...job, dueAt: slot }], now);
    return 'waiting';
  }
  if (slot > now) await deps.sleep(slot - now);

  const body = record.detail.request.body ?? (await rebuildBody(deps, record));
  if (body === undefined) {
    await deps.deliveries.putMany([
      withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error: 'The body was too large to keep for a retry.' }, 'failed', now),
    ]);
    return 'failed';
  }
  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token: await deps.cache.token(connection.id),
    eventId: record.eventId,
    body,
    timeoutMs: REQUEST_TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    signingSecrets: await deps.cache.signingSecrets(connection),
    manual: job.manual,
  });
  const done = deps.clock.now();
  backOffOn429(deps.pacer, host, result.outcome, done);
  const after = attemptOutcome(result.outcome, record.attempts + 1, done, deps.random());
  const updated = withAttempt(
    {
      ...record,
      connectionName: connection.name,
      detail: {
        ...record.detail,
        request: { ...record.detail.request, url: connection.url, headers: maskedHeaders },
        nextAttemptAt: after.nextAttemptAt,
        configurationError: after.configurationError,
        waitingFor: undefined,
      },
    },
    attempt,
    after.state,
    done,
  );
  await deps.deliveries.putMany([updated]);
  if (after.state === 'retrying') {
    await deps.queue.push([retryJob(updated, done)], done);
    if (updated.attempts >= BREAKER_AFTER_ATTEMPTS) {
      await openBreaker(deps, connection.id, attempt.error ?? `The listener answered ${attempt.status ?? 'with an error'}`);
    }
  }
  deps.logger.info('Retry attempted', { eventId: record.eventId, connectionId: record.connectionId, state: after.state, attempts: updated.attempts });
  return after.state;
}

async function rebuildBody(deps: RetryDeps, record: DeliveryRecord): Promise<string | undefined> {
  const raw = record.detail.request.event;
  if (raw === undefined) return undefined;
  const event = normalizeEvent(raw, deps.clock.now());
  const lookup = event.forgeEventType === 'avi:jira:deleted:issue' ? undefined : await deps.jira.getIssue(event.issue.id);
  const encoded = encodeBody(buildWebhookBody(event, lookup?.found ? lookup.issue : undefined));
  return encoded.ok ? encoded.body : undefined;
}
