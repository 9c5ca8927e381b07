import type { DeliveryDetail, DeliveryRef, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** The exact request (token masked) and every attempt of one delivery (`deliveries/get`). */
export function getDelivery(ref: DeliveryRef): Promise<ResolverResult<DeliveryDetail>> {
  return callResolver('deliveries/get', ref);
}
