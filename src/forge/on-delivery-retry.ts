import { InvocationError, InvocationErrorCode } from '@forge/events';
import { processRetry } from '../services/process-retry';
import { deps } from './app-deps';

const PLATFORM_RETRY_SECONDS = 60;

/**
 * Consumer of the `delivery-retries` queue. A failure of its own (storage, Jira) is returned as an
 * InvocationError so Forge retries the queue event rather than losing the delivery.
 */
export async function onDeliveryRetry(event: { body?: unknown; retryContext?: { retryCount?: number } }): Promise<InvocationError | undefined> {
  try {
    await processRetry(deps, event.body, event.retryContext?.retryCount ?? 0);
    return undefined;
  } catch (error) {
    deps.logger.error('Retry not processed; Forge will retry it', { error: error instanceof Error ? error.message : String(error) });
    return new InvocationError({ retryAfter: PLATFORM_RETRY_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
