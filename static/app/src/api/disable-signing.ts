import type { ConnectionView, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Stops signing a connection's requests and forgets its secrets (`connections/disableSigning`). */
export function disableSigning(id: string): Promise<ResolverResult<ConnectionView>> {
  return callResolver('connections/disableSigning', { id });
}
