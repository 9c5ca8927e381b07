import type { SendIssueResult } from '../shared/contract';
import type { EventKind } from '../shared/events';
import { normalizeEvent } from '../core/normalize-event';
import { testVerdict } from '../core/test-verdict';
import { buildWebhookBody, type FetchedIssue } from '../core/webhook-body';
import type { Clock, ConfigStore, EgressPolicy, HttpSender, JiraClient, SecretStore } from './ports';
import { requireConnection } from './require-connection';
import { invalidInput } from './relay-error';
import { encodeBody } from './encode-body';
import { sendToListener } from './send-to-listener';
import { loadSigningSecrets } from './signing';

export interface SendRealIssueDeps {
  configStore: ConfigStore;
  secrets: SecretStore;
  http: HttpSender;
  jira: JiraClient;
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
  const lookup = await deps.jira.getIssue(input.issueKey);
  if (!lookup.found) throw invalidInput('issueKey', `There is no issue ${input.issueKey} that the app can see.`);

  const now = deps.clock.now();
  const event = normalizeEvent(syntheticForgeEvent(input.event, lookup.issue, actorAccountId, now), now);
  const encoded = encodeBody(buildWebhookBody(event, input.event === 'issue_deleted' ? undefined : lookup.issue));
  if (!encoded.ok) throw invalidInput('issueKey', encoded.reason);
  const body = encoded.body;
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

/** The Forge event Jira would have sent for this issue and event kind, shaped as Forge documents it. */
function syntheticForgeEvent(kind: EventKind, issue: FetchedIssue, actor: string, nowMs: number): Record<string, unknown> {
  const base = { timestamp: String(nowMs), atlassianId: actor, issue: { id: issue.id, key: issue.key, fields: issue.fields } };
  const status = issue.fields.status as { name?: string; id?: string } | undefined;
  const comment = latestComment(issue, nowMs, kind === 'comment_updated');
  switch (kind) {
    case 'issue_created':
      return { ...base, eventType: 'avi:jira:created:issue' };
    case 'issue_updated':
      return { ...base, eventType: 'avi:jira:updated:issue', jiraEventTypeName: 'issue_updated', changelog: { items: [] } };
    case 'issue_transitioned':
      return {
        ...base,
        eventType: 'avi:jira:updated:issue',
        jiraEventTypeName: 'issue_generic',
        changelog: { items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', to: status?.id ?? null, toString: status?.name ?? null }] },
      };
    case 'issue_assigned':
      return { ...base, eventType: 'avi:jira:assigned:issue' };
    case 'issue_deleted':
      return { ...base, eventType: 'avi:jira:deleted:issue' };
    case 'comment_created':
    case 'comment_updated':
      return { ...base, eventType: 'avi:jira:commented:issue', comment };
    case 'comment_deleted':
      return { ...base, eventType: 'avi:jira:deleted:comment', comment };
  }
}

function latestComment(issue: FetchedIssue, nowMs: number, edited: boolean): Record<string, unknown> {
  const list = (issue.fields.comment as { comments?: unknown[] } | undefined)?.comments ?? [];
  const last = list.at(-1);
  if (typeof last === 'object' && last !== null && typeof (last as { id?: unknown }).id === 'string') return last as Record<string, unknown>;
  const created = new Date(nowMs - (edited ? 60_000 : 0)).toISOString();
  return {
    id: '0',
    body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sample comment sent from Agent Studio Relay.' }] }] },
    created,
    updated: new Date(nowMs).toISOString(),
  };
}
