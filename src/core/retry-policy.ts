/**
 * Waits after each failed attempt: 5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. With the first,
 * immediate attempt that is 9 attempts over about 27.6 hours, longer than Svix (~27 h) and far longer than
 * Jira's own webhooks (~30 min) or Automation's "Send web request" (no retry).
 */
export const RETRY_DELAYS_SECONDS: readonly number[] = [5, 60, 300, 1_800, 7_200, 18_000, 36_000, 36_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** The schedule's whole span: a delivery still waiting after this long (behind a breaker) is failed. */
export const RETRY_WINDOW_SECONDS = RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0);
/** Spreads retries of many events apart so a recovering listener is not hit by all of them at once. */
const JITTER = 0.1;

/**
 * Seconds to wait before the next attempt, or undefined when the schedule is exhausted. `random` is in
 * [0, 1). A listener's `Retry-After` is a floor: the wait is never shorter than it asked.
 */
export function nextRetryDelaySeconds(attemptsSoFar: number, retryAfterSeconds: number | undefined, random: number): number | undefined {
  const planned = RETRY_DELAYS_SECONDS[attemptsSoFar - 1];
  if (planned === undefined) return undefined;
  const jittered = planned * (1 - JITTER + 2 * JITTER * random);
  return Math.max(Math.ceil(jittered), Math.ceil(retryAfterSeconds ?? 0));
}
