import type { DeliveryFilter, DeliveryPage, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** One page of the site's delivery log, newest first (`deliveries/list`); pass `nextCursor` for the next page. */
export function listDeliveries(filter: DeliveryFilter): Promise<ResolverResult<DeliveryPage>> {
  return callResolver('deliveries/list', filter);
}
