import { LOOPBACK_HOSTS, reservedHeaderMessage } from '../../../../src/shared/listener-url-hint';
import type { ConnectionFormValues } from './connection-form-values';
import type { FieldErrors } from './field-errors';

/*
 * Copies of server rules the page can check without a round trip, with the server's own messages, so a
 * form with several mistakes shows them all after one Save. The server checks everything again.
 * - Name, API key and rate limit: connectionInputSchema in src/services/connection-input.ts.
 * - Listener URL: checkListenerUrl in src/core/listener-url.ts (https only; plain http for loopback hosts).
 * - "The listener URL changed": saveConnection in src/services/save-connection.ts (a stored key is never sent to a new URL).
 * - Extra headers: extraHeadersSchema in src/core/extra-headers.ts (reserved names are shared with it).
 */
export const NAME_MAX_LENGTH = 100;
const URL_MAX_LENGTH = 2000;
const TOKEN_MIN_LENGTH = 8;
const TOKEN_MAX_LENGTH = 4096;
const RATE_MAX = 50;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Jira field ids as the backend accepts them: summary, priority, customfield_10010. */
export const FIELD_ID = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

function badFieldId(list: string[]): string | undefined {
  const bad = list.find((id) => !FIELD_ID.test(id));
  return bad === undefined ? undefined : `“${bad}” is not a field id. Use ids such as summary, priority or customfield_10010.`;
}

/** The URL as the server stores it (`new URL(...).href`), or undefined when it is not a URL. */
export function normalizedUrl(raw: string): string | undefined {
  try {
    return new URL(raw.trim()).href;
  } catch {
    return undefined;
  }
}

/** checkListenerUrl's refusals (src/core/listener-url.ts), in its words. */
export function listenerUrlError(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return 'Enter the listener URL.';
  if (text.length > URL_MAX_LENGTH) return 'The URL is too long';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full URL, such as https://api.moveworks.ai/webhooks/v1/listeners/<listener id>/notify';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))) {
    return 'The listener URL must start with https://';
  }
  if (url.username || url.password) return 'Put the API key in the API key field, not in the URL';
  return undefined;
}

/** The connection's stored state the checks depend on. */
export interface StoredKey {
  /** True when no key is stored yet (a new connection): one must be entered. */
  tokenRequired: boolean;
  /** The stored listener URL, when editing: a new URL needs its own key. */
  storedUrl?: string;
}

/** True when an edit points the connection at another listener than the stored one (the key must be entered again). */
export function urlChanged(values: Pick<ConnectionFormValues, 'url'>, storedUrl: string | undefined): boolean {
  if (storedUrl === undefined) return false;
  const next = normalizedUrl(values.url);
  return next !== undefined && next !== storedUrl;
}

function tokenError(token: string, { tokenRequired, storedUrl }: StoredKey, values: ConnectionFormValues): string | undefined {
  const key = token.trim();
  if (!key) {
    if (tokenRequired) return 'Enter the API key of the listener.';
    if (urlChanged(values, storedUrl)) return 'The listener URL changed: enter the API key for the new listener';
    return undefined;
  }
  if (/\s/.test(key)) return 'The API key cannot contain spaces';
  if (key.length < TOKEN_MIN_LENGTH) return 'The API key looks too short';
  if (key.length > TOKEN_MAX_LENGTH) return 'The API key is too long';
  return undefined;
}

/**
 * Checks the admin can fix before a round trip, all at once. The server validates everything again and
 * its field errors win; this only saves a wait on the mistakes the page can see.
 */
export function validateConnectionForm(values: ConnectionFormValues, stored: StoredKey): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Enter a name for this connection.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters`;
  const url = listenerUrlError(values.url);
  if (url) errors.url = url;
  const token = tokenError(values.token, stored, values);
  if (token) errors.token = token;
  if (values.events.length === 0) errors.events = 'Choose at least one event.';
  if (values.projectMode === 'selected' && values.projectKeys.length === 0) errors.projectKeys = 'Choose at least one project.';
  const rate = Number(values.rateLimitPerSecond);
  if (!values.rateLimitPerSecond.trim() || !Number.isFinite(rate) || rate <= 0) {
    errors.rateLimitPerSecond = 'Enter a number of requests per second greater than 0, for example 5.';
  } else if (rate > RATE_MAX) {
    errors.rateLimitPerSecond = `Agent Studio accepts at most ${RATE_MAX} requests per second`;
  }
  if (values.payloadMode !== 'jira' && !values.template.trim()) errors.template = 'Write a template, or choose the Jira webhook format.';
  if (values.payloadMode === 'jira') {
    const bad = badFieldId(values.payloadFields);
    if (bad) errors.payloadFields = bad;
  }
  const badChanged = badFieldId(values.changedFields);
  if (badChanged) errors.changedFields = badChanged;
  const seen = new Set<string>();
  values.headers.forEach((row, index) => {
    const name = row.name.trim();
    const reserved = reservedHeaderMessage(name);
    if (!name && !row.value.trim()) return;
    if (!name) errors[`headers.${index}.name`] = 'Enter a header name.';
    else if (!HEADER_NAME.test(name)) errors[`headers.${index}.name`] = 'Use letters, digits and hyphens only.';
    else if (reserved) errors[`headers.${index}.name`] = reserved;
    else if (seen.has(name.toLowerCase())) errors[`headers.${index}.name`] = 'This header is already listed';
    seen.add(name.toLowerCase());
  });
  return errors;
}
