/** What one HTTP attempt came to. */
export type AttemptFailure =
  | { kind: 'timeout' }
  | { kind: 'dns' }
  | { kind: 'tls' }
  | { kind: 'network'; code?: string }
  | { kind: 'egress' };

export type AttemptOutcome = { status: number; retryAfterHeader?: string | null } | { failure: AttemptFailure };

export type AttemptClass = 'success' | 'retryable' | 'permanent';

/**
 * 2xx succeeds; network errors, timeouts, 408, 425, 429 and 5xx are worth retrying; anything else
 * (3xx, other 4xx, an egress refusal) will not get better by itself.
 */
export function classifyAttempt(outcome: AttemptOutcome): AttemptClass {
  if ('failure' in outcome) return outcome.failure.kind === 'egress' ? 'permanent' : 'retryable';
  const { status } = outcome;
  if (status >= 200 && status < 300) return 'success';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

/** `Retry-After` in seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** Classifies an error thrown by fetch (undici) without depending on its classes. */
export function failureFromError(error: unknown): AttemptFailure {
  const name = errorName(error);
  const codes = errorCodes(error);
  const text = codes.join(' ') + ' ' + errorMessages(error).join(' ');
  if (name === 'TimeoutError' || name === 'AbortError' || codes.includes('UND_ERR_CONNECT_TIMEOUT') || codes.includes('ETIMEDOUT')) {
    return { kind: 'timeout' };
  }
  if (text.includes('REQUEST_EGRESS_ALLOWLIST_ERR')) return { kind: 'egress' };
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN')) return { kind: 'dns' };
  if (codes.some((c) => c.startsWith('CERT_') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL') || c.includes('SELF_SIGNED') || c === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')) {
    return { kind: 'tls' };
  }
  return { kind: 'network', code: codes[0] };
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error).name) : undefined;
}

function chain(error: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && out.length < 5) {
    out.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function errorCodes(error: unknown): string[] {
  return chain(error)
    .map((e) => e.code)
    .filter((c): c is string => typeof c === 'string');
}

function errorMessages(error: unknown): string[] {
  return chain(error)
    .map((e) => e.message)
    .filter((m): m is string => typeof m === 'string');
}
