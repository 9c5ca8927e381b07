import type { ResolverResult, UserSummary } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Atlassian accounts whose name or email matches the query, for the account picker (`users/search`). */
export function searchUsers(query: string): Promise<ResolverResult<{ users: UserSummary[] }>> {
  return callResolver('users/search', { query });
}
