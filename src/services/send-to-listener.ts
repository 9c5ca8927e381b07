import { buildDeliveryHeaders } from '../core/delivery-headers';
import { excerpt } from '../core/redact';
import type { Attempt } from '../core/delivery-record';
import type { Clock, HttpResult, HttpSender } from './ports';
import type { AttemptFailure } from '../core/classify-attempt';

export interface SendInput {
  url: string;
  token: string | undefined;
  eventId: string;
  body: string;
  timeoutMs: number;
  userAgent: string;
  test?: boolean;
}

export interface SendResult {
  result: HttpResult;
  attempt: Attempt;
}

/** One POST to a listener, turned into an attempt record with the credential kept out of it. */
export async function sendToListener(http: HttpSender, clock: Clock, input: SendInput): Promise<SendResult> {
  const at = new Date(clock.now()).toISOString();
  const headers = buildDeliveryHeaders({
    token: input.token,
    eventId: input.eventId,
    sentAtMs: clock.now(),
    userAgent: input.userAgent,
    test: input.test,
  });
  const result = await http.post({ url: input.url, headers, body: input.body, timeoutMs: input.timeoutMs });
  const attempt: Attempt = { at, latencyMs: result.latencyMs };
  if ('status' in result.outcome) attempt.status = result.outcome.status;
  else attempt.error = describeFailure(result.outcome.failure);
  if (result.bodyText) attempt.responseExcerpt = excerpt(result.bodyText, [input.token]);
  return { result, attempt };
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
