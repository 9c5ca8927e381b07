import type { DeliveryState } from '../shared/contract';
import { classifyAttempt, parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import { isConfigurationError, nextRetryDelaySeconds } from '../core/retry-policy';
import { testVerdict } from '../core/test-verdict';

export interface AfterAttempt {
  state: DeliveryState;
  nextAttemptAt?: number;
  configurationError?: string;
}

/** What a delivery becomes after its n-th attempt: delivered, retrying at a time, or failed (and why). */
export function attemptOutcome(outcome: AttemptOutcome, attemptsSoFar: number, nowMs: number, random: number): AfterAttempt {
  const verdict = classifyAttempt(outcome);
  if (verdict === 'success') return { state: 'delivered' };
  if (verdict === 'retryable') {
    const retryAfter = 'status' in outcome ? parseRetryAfter(outcome.retryAfterHeader, nowMs) : undefined;
    const delay = nextRetryDelaySeconds(attemptsSoFar, retryAfter, random);
    return delay === undefined ? { state: 'failed' } : { state: 'retrying', nextAttemptAt: nowMs + delay * 1000 };
  }
  return {
    state: 'failed',
    configurationError: isConfigurationError(outcome)
      ? testVerdict({ outcome, latencyMs: 0, allowedHosts: [], timeoutMs: 0 }).message
      : undefined,
  };
}
