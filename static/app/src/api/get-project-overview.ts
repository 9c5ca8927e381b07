import type { ProjectOverview, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** The connections covering the page's project (`project/overview`); the backend reads the project from the context. */
export function getProjectOverview(): Promise<ResolverResult<ProjectOverview>> {
  return callResolver('project/overview', {});
}
