import type { DeliveryFilter, DeliveryPage, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** One page of this project's delivery log (`project/deliveries`); the backend reads the project from the context. */
export function listProjectDeliveries(filter: Omit<DeliveryFilter, 'connectionId'>): Promise<ResolverResult<DeliveryPage>> {
  return callResolver('project/deliveries', filter);
}
