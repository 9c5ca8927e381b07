import { parseRetryAfter, type AttemptOutcome } from '../core/classify-attempt';
import type { Pacer } from '../core/pacer';

/**
 * What an answer tells the host's pacer: how long the request took (a slow one may have reached the
 * listener late, so it counts longer), and after a 429, to pause every request to that host until its
 * Retry-After (1 s when it gives none).
 */
export function learnFromAnswer(pacer: Pacer, host: string, admittedAt: number, outcome: AttemptOutcome, nowMs: number): void {
  pacer.answered(host, admittedAt, nowMs);
  if ('status' in outcome && outcome.status === 429) {
    pacer.pause(host, nowMs + (parseRetryAfter(outcome.retryAfterHeader, nowMs) ?? 1) * 1000, nowMs);
  }
}
