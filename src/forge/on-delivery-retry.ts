import { InvocationError, InvocationErrorCode } from '@forge/events';
import { processRetry } from '../services/process-retry';
import { deps } from './app-deps';
import { remainingMsOr } from './remaining-time';

/** Forge's default consumer timeout (platform.md "Async events"); manifest.yml sets none for this one. */
const CONSUMER_TIMEOUT_MS = 55_000;
const PLATFORM_RETRY_SECONDS = 60;

interface QueueEvent {
  body?: unknown;
  retryContext?: { retryCount?: number; retryData?: unknown };
}

/**
 * Consumer of the `delivery-retries` queue. Whatever it cannot finish now (the queue refused a push, or
 * storage or Jira failed) is RETURNED as an InvocationError, so Forge hands the same event back later
 * rather than losing the delivery (platform.md "Async events").
 */
export async function onDeliveryRetry(event: QueueEvent): Promise<InvocationError | undefined> {
  try {
    const outcome = await processRetry(deps, {
      body: event.body,
      retryCount: event.retryContext?.retryCount ?? 0,
      retryData: event.retryContext?.retryData,
      remainingMs: () => remainingMsOr(CONSUMER_TIMEOUT_MS),
    });
    if (outcome.kind === 'done') return undefined;
    if (outcome.error) deps.logger.error('Retry not processed; Forge will retry it', { error: outcome.error, retryAfter: outcome.retryAfterSeconds });
    else deps.logger.info('Queue busy: Forge hands this retry back instead of a push', { eventId: outcome.retryData.job.eventId, retryAfter: outcome.retryAfterSeconds });
    return new InvocationError({ retryAfter: outcome.retryAfterSeconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: outcome.retryData });
  } catch (error) {
    deps.logger.error('Retry not processed; Forge will retry it', { error: error instanceof Error ? error.message : String(error) });
    return new InvocationError({ retryAfter: PLATFORM_RETRY_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
