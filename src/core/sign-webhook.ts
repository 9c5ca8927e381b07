import { createHmac, randomBytes } from 'node:crypto';

/** The `whsec_` prefix of Standard Webhooks secrets; the rest is the key, base64-encoded. */
const SECRET_PREFIX = 'whsec_';

/**
 * Standard Webhooks signatures (standardwebhooks.com): `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`,
 * keyed with the base64-decoded part of the `whsec_` secret, one per active secret, space-separated, so a
 * receiver keeps verifying while a secret is rotated.
 *
 * Computed with Node's own HMAC rather than the `standardwebhooks` package's `Webhook.sign`, which gives the
 * same value but brings a pure-JS SHA-256 and base64 (fast-sha256, @stablelib/base64) into every event's
 * trigger: with them the minified trigger was 12.3 KB larger (measured with bench/lib/sizes.ts). The
 * package stays the judge: the tests verify every signature with its `Webhook.verify`
 * (test/unit/sign-webhook.test.ts, test/integration/signing.test.ts).
 */
export function signatureHeader(secrets: readonly string[], eventId: string, timestampSeconds: number, body: string): string | undefined {
  if (secrets.length === 0) return undefined;
  return secrets.map((secret) => `v1,${createHmac('sha256', signingKey(secret)).update(`${eventId}.${timestampSeconds}.${body}`).digest('base64')}`).join(' ');
}

function signingKey(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  // As the package refuses it: an empty key would sign, but with nothing secret.
  if (key.length === 0) throw new Error("Secret can't be empty.");
  return key;
}

/** A new signing secret in the `whsec_<base64>` form receivers expect. 24 random bytes, as Svix uses. */
export function newSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** How long a replaced secret keeps signing, so receivers can switch without dropping a request. */
export const SECRET_ROTATION_WINDOW_MS = 24 * 60 * 60 * 1000;
