import type { DeliveryDetail, DeliveryRef, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Redelivers one of this project's deliveries (`project/redeliver`). */
export function redeliverProjectDelivery(ref: DeliveryRef): Promise<ResolverResult<DeliveryDetail>> {
  return callResolver('project/redeliver', ref);
}
