import type { ResolverResult } from '../../src/shared/contract';

/** A resolver's data, or the test fails with the resolver's own error code and message. */
export function dataOf<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
