import type { ResolverResult, TestConnectionResult } from '../../../../src/shared/contract';
import { callResolver } from './call-resolver';

/** Sends a test request to a saved connection's listener (`connections/test`). */
export function testConnection(id: string): Promise<ResolverResult<TestConnectionResult>> {
  return callResolver('connections/test', { id });
}
