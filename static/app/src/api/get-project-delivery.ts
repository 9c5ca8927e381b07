import type { DeliveryDetail, DeliveryRef, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** One delivery of this project's events, with its request and attempts (`project/delivery`). */
export function getProjectDelivery(ref: DeliveryRef): Promise<ResolverResult<DeliveryDetail>> {
  return callResolver('project/delivery', ref);
}
