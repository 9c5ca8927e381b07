/**
 * Listener URLs must be https. Plain http is accepted only for loopback hosts, which Forge's egress
 * never allows in production, so that the local platform's sample listener works during development.
 */
export type ListenerUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkListenerUrl(raw: string): ListenerUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'Enter a full URL, such as https://api.moveworks.ai/webhooks/v1/listeners/<listener id>/notify' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return { ok: false, message: 'The listener URL must start with https://' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Put the API key in the API key field, not in the URL' };
  }
  return { ok: true, url };
}
