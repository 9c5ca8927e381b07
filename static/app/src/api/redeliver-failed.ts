import type { ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/**
 * Queues every `failed` delivery of a connection since `since` (an ISO date-time) for another attempt with
 * its original webhook-id (`deliveries/redeliverFailed`); `more` when the cap was reached.
 */
export function redeliverFailed(connectionId: string, since: string): Promise<ResolverResult<{ queued: number; more: boolean }>> {
  return callResolver('deliveries/redeliverFailed', { connectionId, since });
}
