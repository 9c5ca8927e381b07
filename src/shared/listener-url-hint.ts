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

/**
 * Hosts a listener URL may reach over plain http: loopback only, for the local platform's sample listener
 * (Forge's egress never allows them in production). The same set as src/core/listener-url.ts, whose
 * checkListenerUrl is the rule a save must pass; the admin page mirrors it to report it before saving.
 */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The advice shown under the URL field while the admin types, or undefined when the URL looks right. It
 * names the first real problem: a URL that is not whole, then the scheme (Agent Studio listeners are
 * https), then the path. A hint only: the server's rules decide what can be saved.
 */
export function listenerUrlHint(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'Enter the whole URL, starting with https://, e.g. https://api.moveworks.ai/webhooks/v1/listeners/<id>/notify.';
  }
  const pathOk = looksLikeListenerUrl(url.href);
  const plainLoopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !plainLoopback) {
    return pathOk
      ? 'Agent Studio listeners only accept https: the URL must start with https://'
      : 'This does not look like an Agent Studio listener URL. Agent Studio listener URLs start with https:// and end in /webhooks/v1/listeners/<id>/notify.';
  }
  return pathOk ? undefined : 'This does not look like an Agent Studio listener URL. Agent Studio listener URLs end in /webhooks/v1/listeners/<id>/notify.';
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

/** Why an extra header name is refused, or undefined: one wording for the page's check and the server's. */
export function reservedHeaderMessage(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!RESERVED_HEADER_NAMES.includes(lower)) return undefined;
  // Only Authorization is about credentials; the others are the request's own headers.
  return lower === 'authorization' ? 'The app sets Authorization from the API key: put the key in the API key field' : `The app sets ${name} itself: remove this header`;
}
