/** 401 and 403: the listener refused the credential. */
export const UNAUTHORIZED_ADVICE =
  'The listener rejected the API key. In Agent Studio, check that the listener has Credential Verification enabled with the API key credential you created, and enter that key here again.';
/** 404: no listener at that URL. */
export const NOT_FOUND_ADVICE =
  'There is no listener with that id. Copy the listener URL again from Agent Studio; it ends in /webhooks/v1/listeners/<listener id>/notify.';

/**
 * 401, 403 and 404 mean the connection is set up wrong, not that the listener is down: what to fix, in the
 * words "Test connection" uses (test-verdict.ts). Its own module so that a failed delivery (in the trigger,
 * whose bundle is measured) can say it without the rest of the test verdicts.
 */
export function configurationAdvice(status: number): string | undefined {
  if (status === 401 || status === 403) return UNAUTHORIZED_ADVICE;
  if (status === 404) return NOT_FOUND_ADVICE;
  return undefined;
}
