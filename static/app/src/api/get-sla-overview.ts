import type { ResolverResult, SlaOverview } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** The SLA scan's settings, the site's SLAs, the connections that receive SLA events and the last scan (`sla/overview`). */
export function getSlaOverview(): Promise<ResolverResult<SlaOverview>> {
  return callResolver('sla/overview', {});
}
