import type { AdminOverview, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Every connection and the hosts the app may call (`admin/overview`). */
export function getAdminOverview(): Promise<ResolverResult<AdminOverview>> {
  return callResolver('admin/overview', {});
}
