import type { ConnectionView, ResolverResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/**
 * Turns Standard Webhooks signing on, or rotates its secret (`connections/rotateSigningSecret`). The
 * answer carries the new `whsec_…` secret this once only: show it, never store it.
 */
export function rotateSigningSecret(id: string): Promise<ResolverResult<{ secret: string; connection: ConnectionView }>> {
  return callResolver('connections/rotateSigningSecret', { id });
}
