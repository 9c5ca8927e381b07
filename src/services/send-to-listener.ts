import type { ExtraHeader } from '../shared/contract';
import type { AttemptFailure } from '../core/classify-attempt';
import { buildDeliveryHeaders, maskHeaders } from '../core/delivery-headers';
import type { Attempt } from '../core/delivery-record';
import { excerpt } from '../core/redact';
import { signatureHeader } from '../core/sign-webhook';
import type { Clock, HttpResult, HttpSender } from './ports';

export interface SendInput {
  url: string;
  token: string | undefined;
  eventId: string;
  body: string;
  timeoutMs: number;
  userAgent: string;
  extraHeaders?: readonly ExtraHeader[];
  /** Active Standard Webhooks secrets of the connection; none means the request is not signed. */
  signingSecrets?: readonly string[];
  contentType?: string;
  test?: boolean;
  manual?: boolean;
}

export interface SendResult {
  result: HttpResult;
  attempt: Attempt;
  /** The request headers as sent, with the credential masked: safe to store and show. */
  maskedHeaders: Record<string, string>;
}

/** One POST to a listener, turned into an attempt record with the credential kept out of it. */
export async function sendToListener(http: HttpSender, clock: Clock, input: SendInput): Promise<SendResult> {
  const startedAt = clock.now();
  const headers = buildDeliveryHeaders({
    token: input.token,
    eventId: input.eventId,
    sentAtMs: startedAt,
    userAgent: input.userAgent,
    extraHeaders: input.extraHeaders,
    signature: signatureHeader(input.signingSecrets ?? [], input.eventId, Math.floor(startedAt / 1000), input.body),
    contentType: input.contentType,
    test: input.test,
  });
  const result = await http.post({ url: input.url, headers, body: input.body, timeoutMs: input.timeoutMs });
  const attempt: Attempt = { at: new Date(startedAt).toISOString(), latencyMs: result.latencyMs };
  if ('status' in result.outcome) attempt.status = result.outcome.status;
  else attempt.error = describeFailure(result.outcome.failure);
  if (result.bodyText) attempt.responseExcerpt = excerpt(result.bodyText, [input.token]);
  if (input.manual) attempt.manual = true;
  return { result, attempt, maskedHeaders: maskHeaders(headers) };
}

export function describeFailure(failure: AttemptFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return 'No answer before the timeout';
    case 'dns':
      return 'Host name not found';
    case 'tls':
      return 'TLS certificate not accepted';
    case 'egress':
      return 'Host not allowed by the app’s egress permissions';
    case 'network':
      return `Connection failed${failure.code ? ` (${failure.code})` : ''}`;
  }
}
