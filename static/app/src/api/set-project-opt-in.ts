import type { ProjectOverview, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Opts this project in or out of an opt-in connection (`project/setOptIn`); answers with the fresh overview. */
export function setProjectOptIn(connectionId: string, optedIn: boolean): Promise<ResolverResult<ProjectOverview>> {
  return callResolver('project/setOptIn', { connectionId, optedIn });
}
