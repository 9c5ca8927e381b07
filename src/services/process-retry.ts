import { z } from 'zod';
import type { RelayConfig, StoredConnection } from '../core/connection';
import { failedWith, type DeliveryRecord } from '../core/delivery-record';
import type { BookedSlot, Pacer } from '../core/pacer';
import { RETRY_WINDOW_SECONDS } from '../core/retry-policy';
import { recordAfterSend } from './attempt-outcome';
import { awaitSendSlot, bookSlot, sendTarget } from './await-send-slot';
import { BREAKER_AFTER_ATTEMPTS, breakerWaitSeconds, openBreaker } from './breaker';
import type { ConfigCache } from './config-cache';
import { learnFromAnswer } from './back-off';
import { rebuildBody } from './rebuild-body';
import type { AttemptClaims, Clock, ConfigStore, DeliveryStore, HttpSender, JiraClient, Logger, RetryJob, RetryQueue } from './ports';
import { nextAttemptJob, rescheduleJob } from './retry-job';
import type { RetryOutcome, RetryResult } from './retry-outcome';
import { scheduleHop } from './schedule-hop';
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
  bookedAt: z.number().optional(),
});

const retryCarrySchema = z.object({ job: retryJobSchema, afterFailure: z.boolean() });

export interface RetryInput {
  /** The queue event's body: the job as it was pushed. */
  body: unknown;
  /** Forge's `retryContext.retryCount`: 0 on the first delivery of the queue event. */
  retryCount: number;
  /** Forge's `retryContext.retryData`: what this consumer asked to be redelivered with (RetryCarry). */
  retryData?: unknown;
  /** Time left in this invocation. */
  remainingMs: () => number;
}

/** A wall-clock wait up to this long happens inside the consumer (its timeout is 55 s); longer ones hop. */
const MAX_INLINE_WAIT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** Kept free at the end of the invocation for the record and the next hop. */
const STORAGE_RESERVE_MS = 5_000;
/**
 * After a 429 the next attempt follows in the same invocation when this much time is left: up to 10 s for
 * the Retry-After, 10 s for a slot, the 10 s request and the storage calls. A push per 429 would spend
 * the queue's 500 events a minute exactly when a burst needs them.
 */
const MIN_REMAINING_TO_CONTINUE_MS = 35_000;
/** After an unexpected failure (storage, Jira), Forge hands the event back after this long. */
const FAILURE_RETRY_SECONDS = 60;
/**
 * The retryCount of the last redelivery this consumer relies on. platform.md states no cap for queue
 * events (Forge's async events page: retries continue within the 24 h retention window); the local
 * queue engine, like the trigger rule of at most 4 retries, gives 4 (retryCount 1 to 4).
 */
const LAST_PLATFORM_RETRY = 4;

type Step = RetryOutcome | { kind: 'continue'; job: RetryJob };

interface RunContext {
  /** Forge will still redeliver this queue event if asked. */
  canRedeliver: boolean;
  remainingMs: () => number;
}

/**
 * One job from the retry queue: hop again while it must still wait, skip it if the event was delivered
 * meanwhile (a duplicate or a racing retry), wait while the connection's breaker is open, otherwise send
 * it with the SAME webhook-id and schedule the next attempt or end it `failed`.
 */
export async function processRetry(deps: RetryDeps, input: RetryInput): Promise<RetryOutcome> {
  const carried = retryCarrySchema.safeParse(input.retryData);
  let job: RetryJob = carried.success ? carried.data.job : retryJobSchema.parse(input.body);
  // Without a carried job, a redelivery follows a failure (a timeout, or an older version of this code).
  let afterFailure = carried.success ? carried.data.afterFailure : input.retryCount > 0;
  const run: RunContext = { canRedeliver: input.retryCount < LAST_PLATFORM_RETRY, remainingMs: input.remainingMs };
  try {
    for (;;) {
      const step = await processJob(deps, job, afterFailure, run);
      if (step.kind !== 'continue') return step;
      job = step.job;
      afterFailure = false;
    }
  } catch (error) {
    // Storage failed, or the queue refused for another reason than its rate limit: Forge hands the event
    // back; on its last chance the delivery ends visibly `failed` rather than `retrying` with nothing behind it.
    const message = error instanceof Error ? error.message : String(error);
    if (run.canRedeliver) return { kind: 'redeliver', retryAfterSeconds: FAILURE_RETRY_SECONDS, retryData: { job, afterFailure: true }, error: message };
    await failVisibly(deps, job, `The next attempt could not be scheduled (${message}); redeliver it.`);
    return { kind: 'done', result: 'failed' };
  }
}

async function failVisibly(deps: RetryDeps, job: RetryJob, error: string): Promise<void> {
  const record = await deps.deliveries.get(job.eventId, job.connectionId);
  if (!record || record.state !== 'retrying') return;
  const now = deps.clock.now();
  await deps.deliveries.putMany([failedWith(record, error, now)]);
}

const done = (result: RetryResult): Step => ({ kind: 'done', result });

async function processJob(deps: RetryDeps, job: RetryJob, afterFailure: boolean, run: RunContext): Promise<Step> {
  if (job.waitSeconds > 0) return scheduleHop(deps.queue, job, run.canRedeliver);
  // Far from due: hop again before reading anything.
  const dueInMs = (job.notBefore ?? 0) - deps.clock.now();
  if (dueInMs > MAX_INLINE_WAIT_MS) return hopUntil(deps, job, job.notBefore ?? 0, run);

  const record = await deps.deliveries.get(job.eventId, job.connectionId);
  if (!record) {
    deps.logger.warn('Retry dropped: its delivery record expired or was removed', { eventId: job.eventId, connectionId: job.connectionId });
    return done('skipped');
  }
  if (!job.manual && record.state !== 'retrying') return done('skipped');
  if (record.attempts + 1 !== job.forAttempt) {
    if (job.manual) return done('skipped'); // redelivered meanwhile (another click, or a racing job)
    // This job's attempt was made already. After a failure of this very event (which may have made further
    // attempts inline), the attempt was saved but its next one not scheduled: schedule it now instead of
    // sending again. Otherwise a racing job won.
    if (afterFailure && record.attempts >= job.forAttempt) return reschedule(deps, job, record, run);
    return done('skipped');
  }

  const config = await deps.cache.config();
  const now = deps.clock.now();
  const connection = config.connections.find((c) => c.id === record.connectionId);
  if (!connection || !connection.enabled) {
    const reason = connection ? 'The connection is disabled; redeliver once it is enabled.' : 'The connection was deleted.';
    await deps.deliveries.putMany([failedWith(record, reason, now)]);
    return done('failed');
  }
  // While the breaker is open, retries wait for the probe without spending attempts; an admin's
  // explicit redelivery still goes.
  if (config.breakers[connection.id] && !job.manual) {
    if (job.ageSeconds >= RETRY_WINDOW_SECONDS) {
      const error = 'The listener stayed unreachable for the whole retry schedule (about 27 hours); redeliver it once it is back.';
      await deps.deliveries.putMany([failedWith(record, error, now)]);
      return done('failed');
    }
    const waitSeconds = breakerWaitSeconds(deps.random());
    return scheduleHop(deps.queue, { ...job, waitSeconds, notBefore: undefined, paced: false, ageSeconds: job.ageSeconds + waitSeconds }, run.canRedeliver);
  }
  return sendWhenAllowed(deps, job, record, connection, config, run, afterFailure);
}

/**
 * Waits for the Retry-After floor and a send slot (hopping when the slot is further than the consumer waits),
 * claims the attempt and makes it. Everything slow happens before the slot, so the request leaves on it.
 */
async function sendWhenAllowed(
  deps: RetryDeps,
  job: RetryJob,
  record: DeliveryRecord,
  connection: StoredConnection,
  config: RelayConfig,
  run: RunContext,
  afterFailure: boolean,
): Promise<Step> {
  const body = record.detail.request.body ?? (await rebuildBody(deps, record, connection));
  if (body === undefined) {
    const now = deps.clock.now();
    await deps.deliveries.putMany([
      failedWith(record, 'The body was too large to keep for a retry.', now),
    ]);
    return done('failed');
  }
  const token = await deps.cache.token(connection.id);
  const signingSecrets = await deps.cache.signingSecrets(connection);
  // A booked slot (`paced`) already lies after the Retry-After; otherwise wait for the floor, then book.
  const floorMs = job.paced ? 0 : (job.notBefore ?? 0) - deps.clock.now();
  if (floorMs > 0) await deps.sleep(floorMs);
  const target = sendTarget(config.connections, connection.url);
  const { host } = target;
  const slot = job.paced && job.notBefore !== undefined ? { slot: job.notBefore, bookedAt: job.bookedAt ?? 0 } : bookSlot(deps, target);
  const parkAt = (booked: BookedSlot): Promise<Step> => hopUntil(deps, { ...job, paced: true, bookedAt: booked.bookedAt }, booked.slot, run);
  if (deps.pacer.effectiveSlot(host, slot) - deps.clock.now() > MAX_INLINE_WAIT_MS) return parkAt(slot);
  // Another job for the same delivery (a released backlog racing a parked retry) may be here too. Claimed
  // before the wait, so that nothing slow stands between the pacer's admission and the request.
  const attemptNo = record.attempts + 1;
  // After a failure of this very job the held claim is, most likely, its own from the failed run, whose
  // request may or may not have left: the attempt is made again with the same webhook-id (receivers dedupe
  // on it) rather than leaving the delivery `retrying` with nothing behind it.
  if (!(await deps.claims.claim(record.eventId, record.connectionId, attemptNo)) && !afterFailure) return done('skipped');
  const wait = await awaitSendSlot(deps, target, slot, Math.max(0, run.remainingMs() - REQUEST_TIMEOUT_MS - STORAGE_RESERVE_MS));
  if (wait.kind === 'park') {
    // A long 429 pause came meanwhile: a later job makes this attempt.
    await deps.claims.release(record.eventId, record.connectionId, attemptNo);
    return parkAt(wait.slot);
  }

  const { result, attempt: sent, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: record.eventId,
    body,
    timeoutMs: REQUEST_TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    contentType: record.detail.request.contentType,
    signingSecrets,
    manual: job.manual,
  });
  const sentAt = deps.clock.now();
  learnFromAnswer(deps.pacer, host, wait.admittedAt, result.outcome, sentAt);
  const { record: updated, after } = recordAfterSend(
    { ...record, connectionName: connection.name },
    { ...record.detail.request, url: connection.url, headers: maskedHeaders },
    { outcome: result.outcome, attempt: sent },
    sentAt,
    deps.random(),
  );
  await deps.deliveries.putMany([updated]);
  let step: Step = done(after.state);
  if (after.retry) {
    const next = nextAttemptJob(updated, config, after.retry, after.rateLimited === true, job.ageSeconds);
    if (after.rateLimited && continuesInline(deps, next, run)) {
      // The Retry-After is short: wait it out here (its wall-clock floor is `notBefore`) instead of a push.
      step = { kind: 'continue', job: { ...next, waitSeconds: 0 } };
    } else {
      const scheduled = await scheduleHop(deps.queue, next, run.canRedeliver);
      if (scheduled.kind === 'redeliver') step = scheduled;
    }
    // Rate-limited attempts say "slow down", not "broken": they do not count towards the breaker.
    if (!after.rateLimited && updated.attempts - (updated.detail.rateLimitedAttempts ?? 0) >= BREAKER_AFTER_ATTEMPTS) {
      await openBreaker(deps, connection.id, sent.error ? sent.error.charAt(0).toLowerCase() + sent.error.slice(1) : `the listener answered ${sent.status ?? 'with an error'}`);
    }
  }
  deps.logger.info('Retry attempted', { eventId: record.eventId, connectionId: record.connectionId, state: after.state, attempts: updated.attempts });
  return step;
}

function continuesInline(deps: RetryDeps, next: RetryJob, run: RunContext): boolean {
  return next.notBefore !== undefined && next.notBefore - deps.clock.now() <= MAX_INLINE_WAIT_MS && run.remainingMs() >= MIN_REMAINING_TO_CONTINUE_MS;
}

async function reschedule(deps: RetryDeps, job: RetryJob, record: DeliveryRecord, run: RunContext): Promise<Step> {
  const config = await deps.cache.config();
  return scheduleHop(deps.queue, rescheduleJob(record, config, deps.clock.now(), job.ageSeconds), run.canRedeliver);
}

/** Hops (in queue time) towards a wall-clock time further away than the consumer waits inline. */
function hopUntil(deps: RetryDeps, job: RetryJob, notBefore: number, run: RunContext): Promise<Step> {
  const waitSeconds = Math.max(0, Math.floor((notBefore - deps.clock.now()) / 1000));
  return scheduleHop(deps.queue, { ...job, waitSeconds, notBefore, ageSeconds: job.ageSeconds + waitSeconds }, run.canRedeliver);
}
