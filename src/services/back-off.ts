import { parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import type { Pacer } from '../core/pacer';

/** A 429 pauses every request to that host until its Retry-After (1 s when it gives none). */
export function backOffOn429(pacer: Pacer, host: string, outcome: AttemptOutcome, nowMs: number): void {
  if ('status' in outcome && outcome.status === 429) {
    pacer.pause(host, nowMs + (parseRetryAfter(outcome.retryAfterHeader, nowMs) ?? 1) * 1000);
  }
}
