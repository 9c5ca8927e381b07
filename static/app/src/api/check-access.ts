import type { AccessReport, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

export type AccessScope = 'all' | 'covered';

/** What an account can do in each project, for Agent Studio's HTTP connector (`access/check`, Jira admins only). */
export function checkAccess(accountId: string, scope: AccessScope): Promise<ResolverResult<AccessReport>> {
  return callResolver('access/check', { accountId, scope });
}
