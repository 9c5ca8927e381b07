import type { RetryJob } from './ports';

export type RetryResult = 'waiting' | 'skipped' | 'delivered' | 'retrying' | 'failed';

/**
 * What the consumer hands Forge with a retry request (`retryData`, ≤ 4 KB): the job as it stands now, so
 * the redelivered queue event resumes it rather than its stale body. `afterFailure`: this invocation
 * failed, so an attempt may have been saved without its next one being scheduled.
 */
export interface RetryCarry {
  job: RetryJob;
  afterFailure: boolean;
}

/**
 * `done`: the job is finished or handed on. `redeliver`: Forge should hand this same queue event back after
 * `retryAfterSeconds` (≤ 900) with `retryData`; no push is needed for that (platform.md "Async events").
 */
export type RetryOutcome =
  | { kind: 'done'; result: RetryResult }
  | { kind: 'redeliver'; retryAfterSeconds: number; retryData: RetryCarry; error?: string };
