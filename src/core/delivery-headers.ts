import type { ExtraHeader } from '../shared/contract';

export interface DeliveryHeaderInput {
  token?: string;
  eventId: string;
  sentAtMs: number;
  userAgent: string;
  extraHeaders?: readonly ExtraHeader[];
  /** `webhook-signature` value, computed over this request's id, timestamp and body. */
  signature?: string;
  /** Default application/json; a form template sends application/x-www-form-urlencoded. */
  contentType?: string;
  test?: boolean;
}

/**
 * Headers of every request to a listener. `webhook-id` and `webhook-timestamp` follow Standard Webhooks
 * (standardwebhooks.com): the id is the idempotency key, unchanged across retries. Extra headers come
 * first so they can never replace the app's own (their names are also refused at save).
 */
export function buildDeliveryHeaders(input: DeliveryHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const extra of input.extraHeaders ?? []) headers[extra.name] = extra.value;
  Object.assign(headers, {
    'Content-Type': input.contentType ?? 'application/json',
    'User-Agent': input.userAgent,
    'webhook-id': input.eventId,
    'webhook-timestamp': String(Math.floor(input.sentAtMs / 1000)),
  });
  if (input.signature) headers['webhook-signature'] = input.signature;
  if (input.token) headers.Authorization = `Bearer ${input.token}`;
  if (input.test) headers['X-Relay-Test'] = 'true';
  return headers;
}

/** The same headers with the credential masked, for anything shown or stored. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const masked = { ...headers };
  if (masked.Authorization) masked.Authorization = 'Bearer ****';
  // A signature is no secret, but it is useless to anyone reading the log and long: keep it short.
  if (masked['webhook-signature']) masked['webhook-signature'] = masked['webhook-signature'].replace(/v1,[A-Za-z0-9+/=]{8,}/g, 'v1,…');
  return masked;
}
