// Deep imports: @forge/events 3.0.8 has no `exports` map, and its index also loads appEvents, which the
// trigger never uses. These are the package's own classes (out/index.js re-exports the same modules).
import { InvocationError } from '@forge/events/out/invocationError';
import { InvocationErrorCode } from '@forge/events/out/invocationErrorCode';
import { forwardEvent } from '../services/forward-event';
import { remainingMsOr } from './remaining-time';
import { triggerDeps as deps } from './trigger-deps';

const UNEXPECTED_ERROR_RETRY_SECONDS = 60;

interface TriggerEvent {
  retryContext?: { retryCount: number; retryReason?: string; retryData?: unknown };
  [key: string]: unknown;
}

/** Forge gives triggers 25 s (platform.md "Product events"). */
const TRIGGER_TIMEOUT_MS = 25_000;
const remainingMs = (): number => remainingMsOr(TRIGGER_TIMEOUT_MS);

/**
 * The trigger on issue and comment events. A retryable listener failure is RETURNED as an
 * InvocationError so Forge retries the event (up to 4 times, ≤ 900 s apart; platform.md "Product events").
 */
export async function onIssueEvent(event: TriggerEvent): Promise<InvocationError | undefined> {
  let outcome: Awaited<ReturnType<typeof forwardEvent>>;
  try {
    outcome = await forwardEvent(deps, { rawEvent: event, retry: event.retryContext, remainingMs });
  } catch (error) {
    // Storage or Jira trouble before anything was sent: ask Forge to retry rather than lose the event
    // (whether Forge retries a thrown error is unconfirmed, so it is never left to a throw).
    deps.logger.error('Event not forwarded; Forge will retry it', { error: error instanceof Error ? error.message : String(error) });
    return new InvocationError({ retryAfter: UNEXPECTED_ERROR_RETRY_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
  if (outcome.kind !== 'retry') return undefined;
  return new InvocationError({
    retryAfter: outcome.retryAfterSeconds,
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    retryData: outcome.retryData,
  });
}
