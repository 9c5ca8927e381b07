import { asNumber, asString, isRecord } from './narrow';

export interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData?: unknown;
}

const MAX_RETRY_AFTER_SECONDS = 900;

/**
 * Detects a retry request by SHAPE: @forge/events 3.0.8's `new InvocationError()` returns a plain
 * `{ _retry: true, retryOptions }` object from its constructor (so `instanceof` never matches), and a
 * legacy `QueueResponse` with `.retry()` called is `{ _retry: true }` without options.
 */
export function readRetryRequest(result: unknown): RetryRequest | undefined {
  if (!isRecord(result) || result._retry !== true) return undefined;
  const options = isRecord(result.retryOptions) ? result.retryOptions : {};
  const after = asNumber(options.retryAfter) ?? 1;
  return {
    retryAfterSeconds: Math.min(Math.max(after, 1), MAX_RETRY_AFTER_SECONDS),
    retryReason: asString(options.retryReason) ?? 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}
