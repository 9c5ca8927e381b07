import { failedWith, type DeliveryRecord } from '../core/delivery-record';
import { MAX_RETRY_AFTER_SECONDS, retriesLeft, triggerRetryAfter } from '../core/trigger-retry';
import type { Clock, DeliveryRecords, Logger, RetryJob, RetryQueue } from './ports';
import { QueueRateLimitedError } from './queue-rate-limited';

export interface WaitingDelivery {
  record: DeliveryRecord;
  job: RetryJob;
}

/** What the trigger's own retry needs (Forge's `retryData`, ≤ 4 KB): which connections are left. */
export interface TriggerRetry {
  retryAfterSeconds: number;
  retryData: { pending: string[] };
}

export interface ScheduleDeps {
  queue: RetryQueue;
  deliveries: DeliveryRecords;
  clock: Clock;
  logger: Logger;
}

/**
 * Hands waiting deliveries to the Forge queue. When the queue refuses, Forge's own trigger retry is the
 * fallback; when that too is used up, the deliveries end `failed`, visible and replayable.
 *
 * A refusal for the queue's rate limit (500 events pushed a minute, platform.md "Async events") says only
 * "not now": the retry then comes back when the first delivery is due, and sends what is due itself
 * instead of pushing (forward-event.ts), so a burst larger than the push budget still drains at the
 * listener's pace. Any other refusal follows the trigger's retry schedule.
 */
export async function scheduleRetries(
  deps: ScheduleDeps,
  waiting: readonly WaitingDelivery[],
  /** Undefined when this invocation cannot be retried by Forge. */
  retryCount: number | undefined,
): Promise<TriggerRetry | undefined> {
  let rateLimited = false;
  try {
    await deps.queue.push(waiting.map((w) => w.job));
    return undefined;
  } catch (error) {
    rateLimited = error instanceof QueueRateLimitedError;
    deps.logger.warn('Retry queue refused; falling back to a platform retry', { error: error instanceof Error ? error.message : String(error) });
  }
  const now = deps.clock.now();
  if (retryCount !== undefined && retriesLeft(retryCount)) {
    const pending = waiting.map((w) => w.record.connectionId);
    if (rateLimited) return { retryAfterSeconds: Math.min(...waiting.map((w) => secondsUntilDue(w.job, now))), retryData: { pending } };
    const soonest = Math.min(...waiting.map((w) => w.job.waitSeconds));
    return { retryAfterSeconds: triggerRetryAfter(retryCount, soonest), retryData: { pending } };
  }
  await deps.deliveries.putMany(
    waiting.map((w) =>
      failedWith(w.record, 'The next attempt could not be scheduled; redeliver it.', now),
    ),
  );
  return undefined;
}

/**
 * When the retried trigger should come back for this job, in whole seconds (1–900): just before a booked
 * slot, as it waits the rest inline; not before a Retry-After or backoff, which it must not anticipate.
 */
function secondsUntilDue(job: RetryJob, nowMs: number): number {
  const dueInMs = Math.max(job.waitSeconds * 1000, (job.notBefore ?? nowMs) - nowMs);
  const seconds = job.paced ? Math.floor(dueInMs / 1000) : Math.ceil(dueInMs / 1000);
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
}
