import type { ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Deletes a connection and its stored key (`connections/delete`). */
export function deleteConnection(id: string): Promise<ResolverResult<{ id: string }>> {
  return callResolver('connections/delete', { id });
}
