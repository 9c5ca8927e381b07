import type { SendIssueResult } from '../shared/contract';
import type { EventKind } from '../shared/events';
import { testVerdict } from '../core/test-verdict';
import type { Clock, ConfigStore, EgressPolicy, HttpSender, JiraClient, SecretStore, UserJira } from './ports';
import { outsideScope } from './outside-scope';
import { requireConnection } from './require-connection';
import { invalidInput } from './relay-error';
import { renderForIssue } from './synthetic-event';
import { sendToListener } from './send-to-listener';
import { loadSigningSecrets } from './signing';

export interface SendRealIssueDeps {
  configStore: ConfigStore;
  secrets: SecretStore;
  http: HttpSender;
  jira: JiraClient;
  userJira: UserJira;
  egress: EgressPolicy;
  clock: Clock;
  userAgent: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Sends a real issue to a connection as the chosen event would, so an admin can check their Agent
 * Studio plugin with real data before the first real event; shows exactly what was sent.
 */
export async function sendRealIssue(
  deps: SendRealIssueDeps,
  input: { id: string; issueKey: string; event: EventKind },
  actorAccountId: string,
): Promise<SendIssueResult> {
  const config = await deps.configStore.load();
  const connection = requireConnection(config, input.id);
  const { event, rendered } = await renderForIssue(deps, connection.payload, input, actorAccountId);
  if (!rendered.ok) throw invalidInput('issueKey', rendered.reason);
  const outside = await outsideScope(deps, config, connection, event);
  if (outside) throw invalidInput('issueKey', `The relay does not send ${event.issue.key} to ${connection.name}: ${outside}. Pick an issue this connection covers.`);
  const body = rendered.body;
  if (!deps.egress.canFetch(connection.url)) {
    return {
      request: { method: 'POST', url: connection.url, headers: {}, body },
      result: testVerdict({ outcome: { failure: { kind: 'egress' } }, latencyMs: 0, allowedHosts: deps.egress.allowedHosts(), timeoutMs: TIMEOUT_MS }),
    };
  }
  const token = await deps.secrets.getToken(connection.id);
  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: event.id,
    body,
    timeoutMs: TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    contentType: rendered.contentType,
    signingSecrets: await loadSigningSecrets(deps.secrets, connection, deps.clock.now()),
    manual: true,
  });
  return {
    request: { method: 'POST', url: connection.url, headers: maskedHeaders, body },
    result: testVerdict({
      outcome: result.outcome,
      latencyMs: result.latencyMs,
      responseExcerpt: attempt.responseExcerpt,
      allowedHosts: deps.egress.allowedHosts(),
      timeoutMs: TIMEOUT_MS,
      sent: 'issue',
    }),
  };
}
