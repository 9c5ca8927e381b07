/**
 * Agent Studio listener URLs look like https://api.moveworks.ai/webhooks/v1/listeners/<uuid>/notify
 * (Moveworks API reference, "Send a webhook to a webhook listener"). Used for a gentle hint, not a rule.
 */
export function looksLikeListenerUrl(raw: string): boolean {
  try {
    return /^\/webhooks\/v1\/listeners\/[0-9a-fA-F-]{8,}\/notify\/?$/.test(new URL(raw).pathname);
  } catch {
    return false;
  }
}

/** Header names the app sets itself or that a proxy owns; an extra header may not use them. */
export const RESERVED_HEADER_NAMES: readonly string[] = [
  'authorization',
  'content-type',
  'content-length',
  'host',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  // Hop-by-hop headers (RFC 9110 §7.6.1): meaningless end to end.
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
