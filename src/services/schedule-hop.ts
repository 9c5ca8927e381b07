import { MAX_RETRY_AFTER_SECONDS } from '../core/trigger-retry';
import type { RetryJob, RetryQueue } from './ports';
import { QueueRateLimitedError } from './queue-rate-limited';
import type { RetryOutcome } from './retry-outcome';

/**
 * Hands a job to the queue for its next hop. When the queue refuses for its rate limit and Forge can still
 * redeliver this consumer's event, the event itself carries the job over the same wait instead: a retry
 * request costs no push, so a burst's hops do not depend on the 500 pushes a minute (platform.md "Async
 * events"). Any other refusal is thrown to the caller.
 */
export async function scheduleHop(queue: RetryQueue, job: RetryJob, canRedeliver: boolean): Promise<RetryOutcome> {
  try {
    await queue.push([job]);
    return { kind: 'done', result: 'waiting' };
  } catch (error) {
    if (!(error instanceof QueueRateLimitedError) || !canRedeliver) throw error;
    // The same split as a push: the queue waits up to 900 s, the rest travels in the job.
    const delay = Math.min(MAX_RETRY_AFTER_SECONDS, job.waitSeconds);
    return { kind: 'redeliver', retryAfterSeconds: Math.max(1, delay), retryData: { job: { ...job, waitSeconds: job.waitSeconds - delay }, afterFailure: false } };
  }
}
