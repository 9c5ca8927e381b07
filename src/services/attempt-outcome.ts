import type { DeliveryState } from '../shared/contract';
import { classifyAttempt, parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import { isConfigurationError, nextRetryDelaySeconds } from '../core/retry-policy';
import { testVerdict } from '../core/test-verdict';

export interface AfterAttempt {
  state: DeliveryState;
  /** While retrying: seconds until the next attempt, and the listener's Retry-After as a wall-clock floor. */
  retry?: { waitSeconds: number; notBefore?: number };
  configurationError?: string;
}

/** What a delivery becomes after its n-th attempt: delivered, retrying after a wait, or failed (and why). */
export function attemptOutcome(outcome: AttemptOutcome, attemptsSoFar: number, nowMs: number, random: number): AfterAttempt {
  const verdict = classifyAttempt(outcome);
  if (verdict === 'success') return { state: 'delivered' };
  if (verdict === 'retryable') {
    const retryAfter = 'status' in outcome ? parseRetryAfter(outcome.retryAfterHeader, nowMs) : undefined;
    const waitSeconds = nextRetryDelaySeconds(attemptsSoFar, retryAfter, random);
    if (waitSeconds === undefined) return { state: 'failed' };
    return { state: 'retrying', retry: { waitSeconds, notBefore: retryAfter === undefined ? undefined : nowMs + retryAfter * 1000 } };
  }
  return {
    state: 'failed',
    configurationError: isConfigurationError(outcome)
      ? testVerdict({ outcome, latencyMs: 0, allowedHosts: [], timeoutMs: 0 }).message
      : undefined,
  };
}
