import type { EventKind } from '../shared/events';
import type { FetchedIssue } from '../core/webhook-body';

/** The Forge event Jira would have sent for this issue and event kind, shaped as Forge documents it. */
export function syntheticForgeEvent(kind: EventKind, issue: FetchedIssue, actor: string, nowMs: number): Record<string, unknown> {
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
