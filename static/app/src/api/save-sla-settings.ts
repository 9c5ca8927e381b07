import type { ResolverResult, SlaOverview, SlaSettings } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Stores the SLA scan's settings (`sla/save`); answers with the fresh overview. */
export function saveSlaSettings(settings: SlaSettings): Promise<ResolverResult<SlaOverview>> {
  return callResolver('sla/save', settings);
}
