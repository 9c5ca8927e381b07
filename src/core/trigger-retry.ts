/**
 * Forge retries a trigger that returns InvocationError at most 4 times, each after ≤ 900 s
 * (platform.md, "Product events": retries). Delays grow so a short outage is bridged quickly and a
 * longer one still gets ~25 minutes of attempts; the queue-based schedule over a day is a later step.
 */
export const MAX_TRIGGER_RETRIES = 4;
export const MAX_RETRY_AFTER_SECONDS = 900;
const SCHEDULE_SECONDS = [15, 60, 300, 900];

export function triggerRetryAfter(retryCount: number, retryAfterHint: number | undefined): number {
  const planned = SCHEDULE_SECONDS[Math.min(retryCount, SCHEDULE_SECONDS.length - 1)] ?? MAX_RETRY_AFTER_SECONDS;
  // Never retry sooner than the listener asked, but Forge caps the wait at 900 s.
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(planned, retryAfterHint ?? 0));
}

export function retriesLeft(retryCount: number): boolean {
  return retryCount < MAX_TRIGGER_RETRIES;
}
