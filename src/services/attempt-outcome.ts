import type { DeliveryState } from '../shared/contract';
import { withAttempt, type Attempt, type DeliveryRecord } from '../core/delivery-record';
import { classifyAttempt, parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import { configurationAdvice } from '../core/listener-advice';
import { nextRetryDelaySeconds } from '../core/retry-policy';

export interface AfterAttempt {
  state: DeliveryState;
  /** While retrying: seconds until the next attempt, and the listener's Retry-After as a wall-clock floor. */
  retry?: { waitSeconds: number; notBefore?: number };
  configurationError?: string;
  /** The listener said "too many requests": the attempt does not advance the backoff schedule. */
  rateLimited?: boolean;
}

/**
 * A 429 means "slow down", not "I am broken": it waits its Retry-After (1 s without one) instead of
 * climbing the backoff schedule, so a burst drains at the listener's pace. Past this many 429s for one
 * delivery the ordinary schedule takes over, so a listener that only ever answers 429 still ends.
 */
export const MAX_RATE_LIMITED_ATTEMPTS = 30;

/** What a delivery becomes after its n-th attempt: delivered, retrying after a wait, or failed (and why). */
export function attemptOutcome(
  outcome: AttemptOutcome,
  attemptsSoFar: number,
  nowMs: number,
  random: number,
  rateLimitedSoFar = 0,
): AfterAttempt {
  const verdict = classifyAttempt(outcome);
  if (verdict === 'success') return { state: 'delivered' };
  if (verdict === 'retryable') {
    const retryAfter = 'status' in outcome ? parseRetryAfter(outcome.retryAfterHeader, nowMs) : undefined;
    if ('status' in outcome && outcome.status === 429 && rateLimitedSoFar < MAX_RATE_LIMITED_ATTEMPTS) {
      const waitSeconds = Math.max(1, retryAfter ?? 1);
      return { state: 'retrying', rateLimited: true, retry: { waitSeconds, notBefore: nowMs + waitSeconds * 1000 } };
    }
    const waitSeconds = nextRetryDelaySeconds(attemptsSoFar - rateLimitedSoFar, retryAfter, random);
    if (waitSeconds === undefined) return { state: 'failed' };
    return { state: 'retrying', retry: { waitSeconds, notBefore: retryAfter === undefined ? undefined : nowMs + retryAfter * 1000 } };
  }
  return { state: 'failed', configurationError: 'status' in outcome ? configurationAdvice(outcome.status) : undefined };
}

/**
 * The delivery's record after one request, the trigger's or a retry's: the attempt logged, its outcome,
 * when (and not before when) the next one may go.
 */
export function recordAfterSend(
  base: DeliveryRecord,
  request: DeliveryRecord['detail']['request'],
  sent: { outcome: AttemptOutcome; attempt: Attempt },
  nowMs: number,
  random: number,
): { record: DeliveryRecord; after: AfterAttempt } {
  const rateLimitedSoFar = base.detail.rateLimitedAttempts ?? 0;
  const after = attemptOutcome(sent.outcome, base.attempts + 1, nowMs, random, rateLimitedSoFar);
  const detail = {
    ...base.detail,
    request,
    nextAttemptAt: after.retry ? nowMs + after.retry.waitSeconds * 1000 : undefined,
    notBefore: after.retry?.notBefore,
    rateLimitedAttempts: rateLimitedSoFar + (after.rateLimited ? 1 : 0),
    configurationError: after.configurationError,
    waitingFor: undefined,
  };
  return { record: withAttempt({ ...base, detail }, sent.attempt, after.state, nowMs), after };
}
