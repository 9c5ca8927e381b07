import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * A write with `keyPolicy: 'FAIL_IF_EXISTS'` that lost to an existing key. The error code is not
 * documented; a 409 or an "…EXISTS" code is taken as that conflict, anything else is a real failure.
 */
export function isAlreadyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || /EXISTS/i.test(error.code ?? ''));
}
