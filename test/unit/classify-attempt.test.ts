import { classifyAttempt, failureFromError, parseRetryAfter } from '../../src/core/classify-attempt';

describe('classifyAttempt', () => {
  it.each([200, 201, 202, 204])('treats %i as delivered', (status) => {
    expect(classifyAttempt({ status })).toBe('success');
  });

  it.each([408, 425, 429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(classifyAttempt({ status })).toBe('retryable');
  });

  it.each([301, 302, 400, 401, 403, 404, 410, 413, 422])('fails %i at once', (status) => {
    expect(classifyAttempt({ status })).toBe('permanent');
  });

  it('retries network failures and timeouts but not an egress refusal', () => {
    expect(classifyAttempt({ failure: { kind: 'timeout' } })).toBe('retryable');
    expect(classifyAttempt({ failure: { kind: 'network', code: 'ECONNREFUSED' } })).toBe('retryable');
    expect(classifyAttempt({ failure: { kind: 'egress' } })).toBe('permanent');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');
  it('reads delta seconds', () => expect(parseRetryAfter('120', now)).toBe(120));
  it('reads an HTTP date', () => expect(parseRetryAfter('Fri, 04 Dec 2026 10:01:30 GMT', now)).toBe(90));
  it('never goes negative for a past date', () => expect(parseRetryAfter('Fri, 04 Dec 2026 09:00:00 GMT', now)).toBe(0));
  it('ignores garbage and absence', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('failureFromError', () => {
  const withCause = (code: string): Error => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  it('recognises undici failures by their cause code', () => {
    expect(failureFromError(withCause('ENOTFOUND'))).toEqual({ kind: 'dns' });
    expect(failureFromError(withCause('CERT_HAS_EXPIRED'))).toEqual({ kind: 'tls' });
    expect(failureFromError(withCause('ECONNREFUSED'))).toEqual({ kind: 'network', code: 'ECONNREFUSED' });
  });
  it('recognises an AbortSignal.timeout as a timeout', () => {
    expect(failureFromError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toEqual({ kind: 'timeout' });
  });
  it('recognises a Forge egress refusal', () => {
    expect(failureFromError(new Error('REQUEST_EGRESS_ALLOWLIST_ERR: evil.example.com'))).toEqual({ kind: 'egress' });
  });
});
