import type { DeliveryView, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Recent deliveries of this project's events (`project/deliveries`). */
export function listProjectDeliveries(options: { limit?: number } = {}): Promise<ResolverResult<{ deliveries: DeliveryView[] }>> {
  return callResolver('project/deliveries', options);
}
