import { z } from 'zod';
import type { StoredConnection } from '../core/connection';
import { withAttempt, type DeliveryRecord } from '../core/delivery-record';
import { hostOfUrl, hostRate, type Pacer } from '../core/pacer';
import { RETRY_WINDOW_SECONDS } from '../core/retry-policy';
import { attemptOutcome } from './attempt-outcome';
import { BREAKER_AFTER_ATTEMPTS, breakerWaitSeconds, openBreaker } from './breaker';
import type { ConfigCache } from './config-cache';
import { backOffOn429 } from './back-off';
import { rebuildBody } from './rebuild-body';
import type { AttemptClaims, Clock, ConfigStore, DeliveryStore, HttpSender, JiraClient, Logger, RetryJob, RetryQueue } from './ports';
import { retryJobFor } from './retry-job';
import { sendToListener } from './send-to-listener';

export interface RetryDeps {
  cache: ConfigCache;
  configStore: ConfigStore;
  deliveries: DeliveryStore;
  queue: RetryQueue;
  claims: AttemptClaims;
  pacer: Pacer;
  sleep: (ms: number) => Promise<void>;
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
  host: z.string(),
  hostParallel: z.number().int().positive(),
  waitSeconds: z.number().min(0),
  notBefore: z.number().optional(),
  ageSeconds: z.number().min(0).default(0),
  manual: z.boolean().optional(),
  forAttempt: z.number().int().min(1),
  paced: z.boolean().optional(),
});

export type RetryResult = 'waiting' | 'skipped' | 'delivered' | 'retrying' | 'failed';

/** A wall-clock wait up to this long happens inside the consumer (its timeout is 55 s); longer ones hop. */
const MAX_INLINE_WAIT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One job from the retry queue: hop again while it must still wait, skip it if the event was delivered
 * meanwhile (a duplicate or a racing retry), wait while the connection's breaker is open, otherwise send
 * it with the SAME webhook-id and schedule the next attempt or end it `failed`.
 */
export async function processRetry(deps: RetryDeps, raw: unknown, platformRetryCount = 0): Promise<RetryResult> {
  const job = retryJobSchema.parse(raw);
  try {
    return await processJob(deps, job, platformRetryCount > 0);
  } catch (error) {
    // The queue refused a push (or storage failed): Forge retries this job a few times; on its last
    // chance the delivery ends visibly `failed` rather than `retrying` with nothing behind it.
    if (platformRetryCount < LAST_PLATFORM_RETRY) throw error;
    await failVisibly(deps, job, `The next attempt could not be scheduled (${error instanceof Error ? error.message : String(error)}); redeliver it.`);
    return 'failed';
  }
}

/** Forge retries a consumer at most 4 times; this is the last one. */
const LAST_PLATFORM_RETRY = 3;

async function failVisibly(deps: RetryDeps, job: RetryJob, error: string): Promise<void> {
  const record = await deps.deliveries.get(job.eventId, job.connectionId);
  if (!record || record.state !== 'retrying') return;
  const now = deps.clock.now();
  await deps.deliveries.putMany([withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error }, 'failed', now)]);
}

async function processJob(deps: RetryDeps, job: RetryJob, platformRetry: boolean): Promise<RetryResult> {
  if (job.waitSeconds > 0) {
    await deps.queue.push([job]);
    return 'waiting';
  }
  if (!(await waitUntil(deps, job, job.notBefore))) return 'waiting';

  const record = await deps.deliveries.get(job.eventId, job.connectionId);
  if (!record) {
    deps.logger.warn('Retry dropped: its delivery record expired or was removed', { eventId: job.eventId, connectionId: job.connectionId });
    return 'skipped';
  }
  if (!job.manual && record.state !== 'retrying') return 'skipped';
  if (record.attempts + 1 !== job.forAttempt) {
    if (job.manual) return 'skipped'; // redelivered meanwhile (another click, or a racing job)
    // This job's attempt was made already. On a platform retry of this very job, the attempt was saved but
    // scheduling the next one failed: schedule it now instead of sending again. Otherwise a racing job won.
    if (platformRetry && record.attempts === job.forAttempt) return reschedule(deps, job, record);
    return 'skipped';
  }

  const config = await deps.cache.config();
  const now = deps.clock.now();
  const connection = config.connections.find((c) => c.id === record.connectionId);
  if (!connection || !connection.enabled) {
    const reason = connection ? 'The connection is disabled; redeliver once it is enabled.' : 'The connection was deleted.';
    await deps.deliveries.putMany([withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error: reason }, 'failed', now)]);
    return 'failed';
  }
  // While the breaker is open, retries wait for the probe without spending attempts; an admin's
  // explicit redelivery still goes.
  if (config.breakers[connection.id] && !job.manual) {
    if (job.ageSeconds >= RETRY_WINDOW_SECONDS) {
      const error = 'The listener stayed unreachable for the whole retry schedule (about 27 hours); redeliver it once it is back.';
      await deps.deliveries.putMany([withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error }, 'failed', now)]);
      return 'failed';
    }
    const waitSeconds = breakerWaitSeconds(deps.random());
    await deps.queue.push([{ ...job, waitSeconds, notBefore: undefined, paced: false, ageSeconds: job.ageSeconds + waitSeconds }]);
    return 'waiting';
  }
  const host = hostOfUrl(connection.url);
  // A slot booked earlier still yields to a 429 pause that came after it was booked.
  const slot = job.paced ? Math.max(now, deps.pacer.pausedUntil(host)) : deps.pacer.reserve(host, hostRate(config.connections, host), now);
  if (!(await waitUntil(deps, { ...job, notBefore: slot, paced: true }, slot))) return 'waiting';
  // Another job for the same delivery (a released backlog racing a parked retry) may be here too.
  if (!(await deps.claims.claim(record.eventId, record.connectionId, record.attempts + 1))) return 'skipped';
  return attempt(deps, job, record, connection, config);
}

async function reschedule(deps: RetryDeps, job: RetryJob, record: DeliveryRecord): Promise<RetryResult> {
  const config = await deps.cache.config();
  const waitSeconds = Math.max(0, Math.ceil(((record.detail.nextAttemptAt ?? deps.clock.now()) - deps.clock.now()) / 1000));
  await deps.queue.push([retryJobFor(record, config, { waitSeconds, notBefore: record.detail.notBefore, ageSeconds: job.ageSeconds })]);
  return 'waiting';
}

/** Waits (inline, or by another hop) until `notBefore`; false when the job was pushed back to the queue. */
async function waitUntil(deps: RetryDeps, job: RetryJob, notBefore: number | undefined): Promise<boolean> {
  if (notBefore === undefined) return true;
  const waitMs = notBefore - deps.clock.now();
  if (waitMs <= 0) return true;
  if (waitMs <= MAX_INLINE_WAIT_MS) {
    await deps.sleep(waitMs);
    return true;
  }
  const waitSeconds = Math.floor(waitMs / 1000);
  await deps.queue.push([{ ...job, waitSeconds, notBefore, ageSeconds: job.ageSeconds + waitSeconds }]);
  return false;
}

async function attempt(
  deps: RetryDeps,
  job: RetryJob,
  record: DeliveryRecord,
  connection: StoredConnection,
  config: Parameters<typeof retryJobFor>[1],
): Promise<RetryResult> {
  const body = record.detail.request.body ?? (await rebuildBody(deps, record, connection));
  if (body === undefined) {
    const now = deps.clock.now();
    await deps.deliveries.putMany([
      withAttempt(record, { at: new Date(now).toISOString(), latencyMs: 0, error: 'The body was too large to keep for a retry.' }, 'failed', now),
    ]);
    return 'failed';
  }
  const { result, attempt: sent, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token: await deps.cache.token(connection.id),
    eventId: record.eventId,
    body,
    timeoutMs: REQUEST_TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    contentType: record.detail.request.contentType,
    signingSecrets: await deps.cache.signingSecrets(connection),
    manual: job.manual,
  });
  const done = deps.clock.now();
  backOffOn429(deps.pacer, hostOfUrl(connection.url), result.outcome, done);
  const rateLimitedSoFar = record.detail.rateLimitedAttempts ?? 0;
  const after = attemptOutcome(result.outcome, record.attempts + 1, done, deps.random(), rateLimitedSoFar);
  const updated = withAttempt(
    {
      ...record,
      connectionName: connection.name,
      detail: {
        ...record.detail,
        request: { ...record.detail.request, url: connection.url, headers: maskedHeaders },
        nextAttemptAt: after.retry ? done + after.retry.waitSeconds * 1000 : undefined,
        notBefore: after.retry?.notBefore,
        rateLimitedAttempts: rateLimitedSoFar + (after.rateLimited ? 1 : 0),
        configurationError: after.configurationError,
        waitingFor: undefined,
      },
    },
    sent,
    after.state,
    done,
  );
  await deps.deliveries.putMany([updated]);
  if (after.retry) {
    await deps.queue.push([retryJobFor(updated, config, { ...after.retry, ageSeconds: job.ageSeconds })]);
    // Rate-limited attempts say "slow down", not "broken": they do not count towards the breaker.
    if (!after.rateLimited && updated.attempts - (updated.detail.rateLimitedAttempts ?? 0) >= BREAKER_AFTER_ATTEMPTS) {
      await openBreaker(deps, connection.id, sent.error ? sent.error.charAt(0).toLowerCase() + sent.error.slice(1) : `the listener answered ${sent.status ?? 'with an error'}`);
    }
  }
  deps.logger.info('Retry attempted', { eventId: record.eventId, connectionId: record.connectionId, state: after.state, attempts: updated.attempts });
  return after.state;
}
