import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signatureHeader } from '../../src/core/sign-webhook';

/**
 * The relay signs with Node's HMAC (src/core/sign-webhook.ts says why); the standardwebhooks package is the
 * reference: every signature must equal its `Webhook.sign` and pass its `Webhook.verify`, as a receiver checks.
 */
describe('Standard Webhooks signatures', () => {
  const bodies = [
    '{"webhookEvent":"jira:issue_created","issue":{"key":"A-1"}}',
    '{"summary":"Ünïcödé — 日本語 🚀","quote":"\\"x\\"","line":"a\\nb"}',
    'summary=Hello+world&key=A-1&emoji=%F0%9F%9A%80',
    '',
    'x'.repeat(100_000),
  ];

  it.each(bodies.map((body, i) => [i, body]))('matches the package for body %i', (_i, body) => {
    const secret = newSigningSecret();
    const id = 'msg_0123456789abcdef0123456789abcdef';
    const seconds = Math.floor(Date.now() / 1000);
    const header = signatureHeader([secret], id, seconds, body);
    expect(header).toBe(new Webhook(secret).sign(id, new Date(seconds * 1000), body));
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': header ?? '' };
    // verify() JSON-parses non-empty bodies; only the signature is under test here.
    expect(() => new Webhook(secret).verify(body, headers, { jsonParse: false })).not.toThrow();
    expect(() => new Webhook(newSigningSecret()).verify(body, headers, { jsonParse: false })).toThrow();
  });

  it('signs once per active secret, each verifiable on its own, and not at all without one', () => {
    const secrets = [newSigningSecret(), newSigningSecret()];
    const seconds = Math.floor(Date.now() / 1000);
    const header = signatureHeader(secrets, 'msg_1', seconds, '{}') ?? '';
    expect(header.split(' ')).toHaveLength(2);
    for (const secret of secrets) {
      expect(() => new Webhook(secret).verify('{}', { 'webhook-id': 'msg_1', 'webhook-timestamp': String(seconds), 'webhook-signature': header })).not.toThrow();
    }
    expect(signatureHeader([], 'msg_1', seconds, '{}')).toBeUndefined();
  });

  it('accepts a secret without the whsec_ prefix, as the package does, and refuses an empty one', () => {
    const secret = newSigningSecret();
    const bare = secret.slice('whsec_'.length);
    expect(signatureHeader([bare], 'msg_2', 1_733_300_000, '{}')).toBe(new Webhook(bare).sign('msg_2', new Date(1_733_300_000_000), '{}'));
    expect(() => signatureHeader(['whsec_'], 'msg_2', 1_733_300_000, '{}')).toThrow(/empty/);
    expect(() => new Webhook('whsec_')).toThrow(/empty/);
  });
});
