import type { DeliveryView, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Recent deliveries across the site, newest first (`deliveries/list`). */
export function listDeliveries(options: { limit?: number; connectionId?: string } = {}): Promise<ResolverResult<{ deliveries: DeliveryView[] }>> {
  return callResolver('deliveries/list', options);
}
