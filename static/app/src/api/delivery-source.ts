import type { DeliveryDetail, DeliveryFilter, DeliveryPage, DeliveryRef, ResolverResult } from '../../../../src/shared/contract';
import { getDelivery } from './get-delivery';
import { getProjectDelivery } from './get-project-delivery';
import { listDeliveries } from './list-deliveries';
import { listProjectDeliveries } from './list-project-deliveries';
import { redeliver } from './redeliver';
import { redeliverProjectDelivery } from './redeliver-project-delivery';

/**
 * The delivery log as one page sees it: the admin page reads the whole site, the project page only its
 * project. One shape lets both pages share the log, its filters and its detail panel.
 */
export interface DeliverySource {
  list: (filter: DeliveryFilter) => Promise<ResolverResult<DeliveryPage>>;
  get: (ref: DeliveryRef) => Promise<ResolverResult<DeliveryDetail>>;
  redeliver: (ref: DeliveryRef) => Promise<ResolverResult<DeliveryDetail>>;
}

export const adminDeliverySource: DeliverySource = { list: listDeliveries, get: getDelivery, redeliver };

function withoutConnection(filter: DeliveryFilter): Omit<DeliveryFilter, 'connectionId'> {
  const copy = { ...filter };
  delete copy.connectionId;
  return copy;
}

export const projectDeliverySource: DeliverySource = {
  // The project page has no connection filter; the backend would refuse one.
  list: (filter) => listProjectDeliveries(withoutConnection(filter)),
  get: getProjectDelivery,
  redeliver: redeliverProjectDelivery,
};
