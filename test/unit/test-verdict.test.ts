import { testVerdict } from '../../src/core/test-verdict';

const base = { latencyMs: 42, allowedHosts: ['https://api.moveworks.ai', 'https://*.moveworks.ai'], timeoutMs: 10_000 };

describe('testVerdict', () => {
  it('says connected when Agent Studio answers RECEIVED', () => {
    const result = testVerdict({ ...base, outcome: { status: 200 }, responseExcerpt: '{"message":"Event received successfully","status":"RECEIVED"}' });
    expect(result).toMatchObject({ ok: true, verdict: 'connected', status: 200, latencyMs: 42 });
    expect(result.message).toMatch(/received the test event/);
  });

  it('warns when a 2xx does not look like Agent Studio', () => {
    const result = testVerdict({ ...base, outcome: { status: 204 } });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/not with Agent Studio's "RECEIVED"/);
  });

  it('explains a 401 as a rejected API key with where to look', () => {
    const result = testVerdict({ ...base, outcome: { status: 401 } });
    expect(result).toMatchObject({ ok: false, verdict: 'unauthorized' });
    expect(result.message).toMatch(/rejected the API key/);
    expect(result.message).toMatch(/Credential Verification/);
  });

  it('explains a 404 as an unknown listener id', () => {
    expect(testVerdict({ ...base, outcome: { status: 404 } })).toMatchObject({ verdict: 'not_found', message: expect.stringMatching(/no listener with that id/) as string });
  });

  it('names the allowed hosts when the host is not allowed', () => {
    const result = testVerdict({ ...base, outcome: { failure: { kind: 'egress' } } });
    expect(result.verdict).toBe('host_not_allowed');
    expect(result.message).toContain('https://api.moveworks.ai, https://*.moveworks.ai');
    expect(result.message).toMatch(/manifest\.yml/);
  });

  it.each([
    ['timeout', /did not answer within 10 seconds/],
    ['dns', /host name could not be found/],
    ['tls', /certificate/],
  ] as const)('explains a %s failure', (kind, pattern) => {
    const result = testVerdict({ ...base, outcome: { failure: { kind } } });
    expect(result).toMatchObject({ ok: false, verdict: kind });
    expect(result.message).toMatch(pattern);
  });
});
