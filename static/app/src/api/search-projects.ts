import type { ProjectSummary, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Projects whose key or name matches the query, for the project picker (`projects/search`). */
export function searchProjects(query: string): Promise<ResolverResult<{ projects: ProjectSummary[] }>> {
  return callResolver('projects/search', query ? { query } : {});
}
