import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks signatures (standardwebhooks.com): `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`,
 * one per active secret, space-separated, so a receiver keeps verifying while a secret is rotated.
 */
export function signatureHeader(secrets: readonly string[], eventId: string, timestampSeconds: number, body: string): string | undefined {
  if (secrets.length === 0) return undefined;
  const at = new Date(timestampSeconds * 1000);
  return secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(' ');
}

/** A new signing secret in the `whsec_<base64>` form receivers expect. 24 random bytes, as Svix uses. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** How long a replaced secret keeps signing, so receivers can switch without dropping a request. */
export const SECRET_ROTATION_WINDOW_MS = 24 * 60 * 60 * 1000;
