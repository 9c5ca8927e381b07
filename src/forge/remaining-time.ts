import { getAppContext } from '@forge/api';

/** Time left in this invocation; when the runtime cannot say, assume a fresh one of `fallbackMs`. */
export function remainingMsOr(fallbackMs: number): number {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return fallbackMs;
  }
}
