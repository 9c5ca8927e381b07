import type { ConnectionInput, ConnectionView, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Creates or updates a connection (`connections/save`); omit `token` to keep the stored key. */
export function saveConnection(input: ConnectionInput): Promise<ResolverResult<ConnectionView>> {
  return callResolver('connections/save', input);
}
