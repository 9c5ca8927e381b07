/**
 * The queue refused a push for its rate limit: 500 events pushed per minute per installation (platform.md
 * "Async events"). Unlike other refusals it says nothing about the jobs, only "not now", so the caller can
 * wait without a push: a Forge retry of its own invocation after exactly the wait the job needs.
 */
export class QueueRateLimitedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueRateLimitedError';
  }
}
