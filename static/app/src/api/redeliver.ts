import type { DeliveryDetail, DeliveryRef, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Sends a delivery again now and answers with its detail, new attempt included (`deliveries/redeliver`). */
export function redeliver(ref: DeliveryRef): Promise<ResolverResult<DeliveryDetail>> {
  return callResolver('deliveries/redeliver', ref);
}
