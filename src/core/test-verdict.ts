import type { TestConnectionResult } from '../shared/contract';
import type { AttemptOutcome } from './classify-attempt';
import { NOT_FOUND_ADVICE, UNAUTHORIZED_ADVICE } from './listener-advice';

export interface VerdictInput {
  outcome: AttemptOutcome;
  latencyMs: number;
  responseExcerpt?: string;
  /** The hosts the app may call, to name in the "host not allowed" advice. */
  allowedHosts: readonly string[];
  timeoutMs: number;
  /** What was sent, for the wording: the test event (default) or a real issue. */
  sent?: 'test event' | 'issue';
}

/** Plain-language verdicts for "Test connection", in the words an Agent Studio admin would use. */
export function testVerdict(input: VerdictInput): TestConnectionResult {
  const { outcome, latencyMs, responseExcerpt } = input;
  const base = { latencyMs, responseExcerpt };
  if ('failure' in outcome) {
    switch (outcome.failure.kind) {
      case 'egress':
        return { ...base, ok: false, verdict: 'host_not_allowed', message: hostNotAllowed(input.allowedHosts) };
      case 'timeout':
        return {
          ...base,
          ok: false,
          verdict: 'timeout',
          message: `The listener did not answer within ${Math.round(input.timeoutMs / 1000)} seconds. Check the URL and that the listener is published and active in Agent Studio.`,
        };
      case 'dns':
        return { ...base, ok: false, verdict: 'dns', message: 'The listener host name could not be found. Check the spelling of the URL.' };
      case 'tls':
        return {
          ...base,
          ok: false,
          verdict: 'tls',
          message: 'A secure (TLS) connection to the listener could not be made: its certificate was not accepted. Check that the URL points to the Agent Studio listener host.',
        };
      case 'network':
        return {
          ...base,
          ok: false,
          verdict: 'network',
          message: `The listener could not be reached${outcome.failure.code ? ` (${outcome.failure.code})` : ''}. Check the URL and try again in a minute.`,
        };
    }
  }
  const { status } = outcome;
  const withStatus = { ...base, status };
  if (status >= 200 && status < 300) {
    const received = responseExcerpt?.includes('RECEIVED') ?? false;
    return {
      ...withStatus,
      ok: true,
      verdict: 'connected',
      message: received
        ? `Connected: the listener received the ${input.sent ?? 'test event'}.`
        : `Connected: the listener answered ${status}, but not with Agent Studio's "RECEIVED". Check that this URL is an Agent Studio listener.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...withStatus,
      ok: false,
      verdict: 'unauthorized',
      message: UNAUTHORIZED_ADVICE,
    };
  }
  if (status === 404) {
    return {
      ...withStatus,
      ok: false,
      verdict: 'not_found',
      message: NOT_FOUND_ADVICE,
    };
  }
  if (status === 429) {
    return {
      ...withStatus,
      ok: false,
      verdict: 'rate_limited',
      message: 'The listener is rate limiting requests (429). Lower the rate limit of this connection or try again shortly.',
    };
  }
  if (status >= 500) {
    return { ...withStatus, ok: false, verdict: 'server_error', message: `The listener had a problem (${status}). Try again later; events will be retried.` };
  }
  return { ...withStatus, ok: false, verdict: 'unexpected', message: `The listener answered ${status}, which an Agent Studio listener does not normally send. Check the URL.` };
}

export function hostNotAllowed(allowedHosts: readonly string[]): string {
  return `This app may only call ${allowedHosts.join(', ')}. To use another host, add it under permissions.external.fetch.backend in manifest.yml and deploy a new version; site admins then approve the change.`;
}
