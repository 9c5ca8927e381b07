import { buildDeliveryHeaders, maskHeaders } from '../../src/core/delivery-headers';
import { excerpt, redactSecrets } from '../../src/core/redact';
import { APP_VERSION, USER_AGENT } from '../../src/shared/app-info';
import packageJson from '../../package.json';

describe('delivery headers', () => {
  const headers = buildDeliveryHeaders({ token: 'tok_secret_123', eventId: 'msg_abc', sentAtMs: 1_733_300_000_999, userAgent: USER_AGENT });

  it('carries the Bearer token, JSON type, app identity and Standard Webhooks id and timestamp', () => {
    expect(headers).toEqual({
      Authorization: 'Bearer tok_secret_123',
      'Content-Type': 'application/json',
      'User-Agent': `AgentStudioRelay/${APP_VERSION} (Jira Cloud; Atlassian Forge)`,
      'webhook-id': 'msg_abc',
      'webhook-timestamp': '1733300000',
    });
  });

  it('masks the token for display', () => {
    expect(maskHeaders(headers).Authorization).toBe('Bearer ****');
    expect(JSON.stringify(maskHeaders(headers))).not.toContain('tok_secret_123');
  });

  it('keeps the User-Agent version equal to package.json', () => {
    expect(APP_VERSION).toBe(packageJson.version);
  });
});

describe('redaction', () => {
  it('removes known secrets and any Bearer credential from text', () => {
    const text = 'echo: tok_secret_123 and Authorization: Bearer abcdefghijk';
    const clean = redactSecrets(text, ['tok_secret_123']);
    expect(clean).not.toContain('tok_secret_123');
    expect(clean).not.toContain('abcdefghijk');
  });

  it('shortens long response bodies', () => {
    expect(excerpt('x'.repeat(1000), [], 300)).toHaveLength(301);
  });
});
