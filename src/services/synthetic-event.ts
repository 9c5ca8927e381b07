import type { EventKind } from '../shared/events';
import { slaEvent, slaSnapshots, type SlaSnapshot } from '../core/sla-event';
import { buildWebhookBody, type FetchedIssue } from '../core/webhook-body';
import { normalizeEvent, withFetchedIssue, type NormalizedEvent } from '../core/normalize-event';
import { renderPayload, type RenderedPayload } from '../core/render-payload';
import type { PayloadFormat } from '../shared/contract';
import type { Clock, JiraClient, UserJira } from './ports';
import { invalidInput } from './relay-error';

/**
 * What a payload format sends for a real issue and event kind, as if Jira had just raised it (the
 * admin's preview and "Send a real issue"): the event and the rendered body. The issue is read as the
 * app (the body must be what the relay would send), so the caller's own right to see it is checked
 * first: the page must not show or send an issue its user cannot open in Jira.
 */
export async function renderForIssue(
  deps: { jira: JiraClient; userJira: UserJira; clock: Clock },
  payload: PayloadFormat,
  input: { issueKey: string; event: EventKind },
  actorAccountId: string,
): Promise<{ event: NormalizedEvent; rendered: RenderedPayload }> {
  // One message for "missing" and "not yours to see", as Jira does: it must not tell which.
  const missing = invalidInput('issueKey', `There is no issue ${input.issueKey} that you can see.`);
  if (!(await deps.userJira.canSeeIssue(input.issueKey))) throw missing;
  const lookup = await deps.jira.getIssue(input.issueKey);
  if (!lookup.found) throw missing;
  const now = deps.clock.now();
  // Work log, attachment and link events name their issue by id, as Forge's do: the issue fetched above
  // completes them, as the trigger's own fetch does (forward-event.ts).
  const event = withFetchedIssue(normalizeEvent(syntheticForgeEvent(input.event, lookup.issue, actorAccountId, now), now), lookup.issue);
  return { event, rendered: renderPayload(payload, buildWebhookBody(event, input.event === 'issue_deleted' ? undefined : lookup.issue)) };
}

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
    // Forge's work log, attachment and link events name the issue by id; so do these.
    case 'worklog_created':
    case 'worklog_updated':
    case 'worklog_deleted':
      return { ...entityBase(base), eventType: `avi:jira:${kind.slice('worklog_'.length)}:worklog`, worklog: latestWorklog(issue, nowMs) };
    case 'attachment_created':
    case 'attachment_deleted':
      return { ...entityBase(base), eventType: `avi:jira:${kind.slice('attachment_'.length)}:attachment`, attachment: latestAttachment(issue, nowMs) };
    case 'issuelink_created':
    case 'issuelink_deleted':
      return { ...entityBase(base), eventType: `avi:jira:${kind.slice('issuelink_'.length)}:issuelink`, issueLink: latestLink(issue) };
    case 'sla_breached':
    case 'sla_warning':
      return slaEvent(kind, issue, slaSnapshots(issue.fields)[0] ?? sampleSla(kind, nowMs), nowMs);
  }
}

function entityBase(base: { timestamp: string; atlassianId: string }): { timestamp: string; atlassianId: string } {
  return { timestamp: base.timestamp, atlassianId: base.atlassianId };
}

function last(fields: Record<string, unknown>, field: string, list: string): Record<string, unknown> | undefined {
  const value = fields[field];
  const items = Array.isArray(value) ? value : (value as Record<string, unknown> | undefined)?.[list];
  const item: unknown = Array.isArray(items) ? items.at(-1) : undefined;
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function latestWorklog(issue: FetchedIssue, nowMs: number): Record<string, unknown> {
  const now = new Date(nowMs).toISOString();
  return { ...(last(issue.fields, 'worklog', 'worklogs') ?? { id: '0', started: now, created: now, updated: now, timeSpent: '30m', timeSpentSeconds: 1800 }), issueId: issue.id };
}

function latestAttachment(issue: FetchedIssue, nowMs: number): Record<string, unknown> {
  const sample = { id: '0', filename: 'sample.txt', mimeType: 'text/plain', size: 42, created: new Date(nowMs).toISOString() };
  return { ...(last(issue.fields, 'attachment', 'attachment') ?? sample), issueId: issue.id };
}

function latestLink(issue: FetchedIssue): Record<string, unknown> {
  const link = last(issue.fields, 'issuelinks', 'issuelinks');
  const other = (link?.outwardIssue ?? link?.inwardIssue) as { id?: unknown } | undefined;
  const otherId = typeof other?.id === 'string' ? other.id : issue.id;
  // Jira lists a link on the issue with the OTHER issue as outwardIssue when this issue is the source.
  const outward = link?.outwardIssue !== undefined;
  return {
    id: typeof link?.id === 'string' ? link.id : '0',
    sourceIssueId: outward ? issue.id : otherId,
    destinationIssueId: outward ? otherId : issue.id,
    issueLinkType: link?.type ?? { id: '10000', name: 'Relates', inwardName: 'relates to', outwardName: 'relates to' },
    systemLink: false,
  };
}

/** For an issue without an SLA (outside Service Management), so an admin can still see the shape. */
function sampleSla(kind: 'sla_breached' | 'sla_warning', nowMs: number): SlaSnapshot {
  const goalMillis = 8 * 3_600_000;
  const remainingMillis = kind === 'sla_breached' ? -12 * 60_000 : 25 * 60_000;
  return {
    fieldId: 'customfield_00000',
    name: 'Time to resolution (sample)',
    cycleStartedAt: new Date(nowMs - goalMillis + remainingMillis).toISOString(),
    breachAt: new Date(nowMs + remainingMillis).toISOString(),
    breached: kind === 'sla_breached',
    paused: false,
    goal: '8h',
    remaining: kind === 'sla_breached' ? '-12m' : '25m',
    goalMillis,
    elapsedMillis: goalMillis - remainingMillis,
    remainingMillis,
  };
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
