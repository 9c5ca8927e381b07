import type { EventKind } from '../shared/events';
import { forgeEventSchema, ISSUE_EVENT_TYPES, RELAY_EVENT_TYPES, type ChangelogItem, type ForgeEvent } from './forge-event';
import { stableEventId } from './event-id';

/** One internal shape for every subscribed Forge event. */
export interface NormalizedEvent {
  id: string;
  forgeEventType: ForgeEvent['eventType'];
  /** The kinds a connection may subscribe to that this event matches (a transition is also an update). */
  kinds: EventKind[];
  webhookEvent: string;
  issueEventTypeName: string;
  timestampMs: number;
  actorAccountId?: string;
  /**
   * The issue the event is about. Work log, attachment and link events name it only by id: `key` is then
   * empty and `fields` too until the issue is fetched (`withFetchedIssue`), which routing by project needs.
   */
  issue: { id: string; key: string; projectKey?: string; projectId?: string; fields: Record<string, unknown> };
  /** False when the event named its issue only by id. */
  carriesIssue: boolean;
  changelog?: { id?: string; items: ChangelogItem[] };
  comment?: Record<string, unknown> & { id: string };
  worklog?: Record<string, unknown>;
  attachment?: Record<string, unknown>;
  issueLink?: Record<string, unknown>;
  sla?: Record<string, unknown>;
  statusChange?: { from?: string; to?: string };
  /** An update whose only change is the assignee: Jira sends a separate "assigned" event for it too. */
  assigneeOnlyUpdate: boolean;
}

export class InvalidEventError extends Error {}

/** Issue and comment events, and the relay's own, always carry the issue; the others may name it by id. */
const CARRIES_ISSUE: ReadonlySet<string> = new Set([...ISSUE_EVENT_TYPES, ...RELAY_EVENT_TYPES]);

/** Parses and normalises a Forge event; `nowMs` stands in when the event has no timestamp. */
export function normalizeEvent(raw: unknown, nowMs: number): NormalizedEvent {
  const parsed = forgeEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidEventError(`Unsupported Forge event: ${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}`);
  }
  const event = parsed.data;
  if (!event.issue && CARRIES_ISSUE.has(event.eventType)) {
    throw new InvalidEventError(`Unsupported Forge event: issue: missing (an ${event.eventType} event carries its issue)`);
  }
  const issueId = event.issue?.id ?? event.worklog?.issueId ?? event.attachment?.issueId ?? event.issueLink?.sourceIssueId;
  if (!issueId) throw new InvalidEventError(`Unsupported Forge event: ${event.eventType} names no issue`);
  const timestampMs = parseTimestamp(event.timestamp) ?? nowMs;
  const statusItem = event.changelog?.items.find((item) => item.fieldId === 'status' || item.field === 'status');
  // `toString` must be read as an own property: a missing one would be Object.prototype.toString.
  const statusChange = statusItem
    ? { from: ownString(statusItem, 'fromString'), to: ownString(statusItem, 'toString') }
    : undefined;
  const { webhookEvent, issueEventTypeName, kinds } = classify(event, statusChange !== undefined);
  const normalized: NormalizedEvent = {
    id: stableEventId(event, issueId),
    forgeEventType: event.eventType,
    kinds,
    webhookEvent,
    issueEventTypeName,
    timestampMs,
    actorAccountId: event.atlassianId,
    issue: issueParts(event.issue ?? { id: issueId, key: '', fields: {} }),
    carriesIssue: event.issue !== undefined,
    changelog: event.changelog
      ? { id: event.changelog.id === undefined ? undefined : String(event.changelog.id), items: event.changelog.items }
      : undefined,
    comment: event.comment,
    statusChange,
    assigneeOnlyUpdate:
      event.eventType === 'avi:jira:updated:issue' &&
      (event.changelog?.items.length ?? 0) > 0 &&
      (event.changelog?.items ?? []).every((item) => item.fieldId === 'assignee' || item.field === 'assignee'),
  };
  if (event.worklog) normalized.worklog = event.worklog;
  if (event.attachment) normalized.attachment = event.attachment;
  if (event.issueLink) normalized.issueLink = event.issueLink;
  if (event.sla) normalized.sla = event.sla;
  return normalized;
}

/** The event with its issue as fetched: the key, project and full fields an id-only event lacked. */
export function withFetchedIssue(event: NormalizedEvent, fetched: { id: string; key: string; fields: Record<string, unknown> } | undefined): NormalizedEvent {
  if (!fetched) return event;
  return { ...event, issue: issueParts({ id: event.issue.id, key: fetched.key, fields: fetched.fields }) };
}

function issueParts(issue: { id: string; key: string; fields: Record<string, unknown> }): NormalizedEvent['issue'] {
  const project = asRecord(issue.fields.project);
  return {
    id: issue.id,
    key: issue.key,
    projectKey: typeof project?.key === 'string' ? project.key : undefined,
    projectId: typeof project?.id === 'string' ? project.id : undefined,
    fields: issue.fields,
  };
}

function classify(
  event: ForgeEvent,
  statusChanged: boolean,
): { webhookEvent: string; issueEventTypeName: string; kinds: EventKind[] } {
  switch (event.eventType) {
    case 'avi:jira:created:issue':
      return { webhookEvent: 'jira:issue_created', issueEventTypeName: 'issue_created', kinds: ['issue_created'] };
    case 'avi:jira:updated:issue':
      return {
        webhookEvent: 'jira:issue_updated',
        // Forge passes Jira's own event type name (issue_generic, issue_resolved, …) on updates.
        issueEventTypeName: event.jiraEventTypeName ?? (statusChanged ? 'issue_generic' : 'issue_updated'),
        kinds: statusChanged ? ['issue_updated', 'issue_transitioned'] : ['issue_updated'],
      };
    case 'avi:jira:assigned:issue':
      return { webhookEvent: 'jira:issue_updated', issueEventTypeName: 'issue_assigned', kinds: ['issue_assigned'] };
    case 'avi:jira:deleted:issue':
      return { webhookEvent: 'jira:issue_deleted', issueEventTypeName: 'issue_deleted', kinds: ['issue_deleted'] };
    case 'avi:jira:commented:issue':
      // Forge fires this one event for a new comment AND an edit; only the comment's times tell them apart.
      return isEditedComment(event.comment)
        ? { webhookEvent: 'comment_updated', issueEventTypeName: 'issue_comment_edited', kinds: ['comment_updated'] }
        : { webhookEvent: 'comment_created', issueEventTypeName: 'issue_commented', kinds: ['comment_created'] };
    case 'avi:jira:deleted:comment':
      return { webhookEvent: 'comment_deleted', issueEventTypeName: 'issue_comment_deleted', kinds: ['comment_deleted'] };
    // Jira's own event type names for work logs; attachments, links and SLAs have none, so their webhook name stands in.
    case 'avi:jira:created:worklog':
      return { webhookEvent: 'worklog_created', issueEventTypeName: 'issue_worklogged', kinds: ['worklog_created'] };
    case 'avi:jira:updated:worklog':
      return { webhookEvent: 'worklog_updated', issueEventTypeName: 'issue_worklog_updated', kinds: ['worklog_updated'] };
    case 'avi:jira:deleted:worklog':
      return { webhookEvent: 'worklog_deleted', issueEventTypeName: 'issue_worklog_deleted', kinds: ['worklog_deleted'] };
    case 'avi:jira:created:attachment':
      return sameName('attachment_created');
    case 'avi:jira:deleted:attachment':
      return sameName('attachment_deleted');
    case 'avi:jira:created:issuelink':
      return sameName('issuelink_created');
    case 'avi:jira:deleted:issuelink':
      return sameName('issuelink_deleted');
    case 'relay:sla:breached':
      return sameName('sla_breached');
    case 'relay:sla:warning':
      return sameName('sla_warning');
  }
}

function sameName(kind: EventKind): { webhookEvent: string; issueEventTypeName: string; kinds: EventKind[] } {
  return { webhookEvent: kind, issueEventTypeName: kind, kinds: [kind] };
}

/** Jira sets `updated` to `created` on a new comment; an edit moves `updated` later. */
export function isEditedComment(comment: ForgeEvent['comment']): boolean {
  if (!comment?.created || !comment.updated) return false;
  const created = Date.parse(comment.created);
  const updated = Date.parse(comment.updated);
  if (Number.isNaN(created) || Number.isNaN(updated)) return comment.created !== comment.updated;
  // Jira can stamp the two a few milliseconds apart on creation.
  return updated - created > 1000;
}

function parseTimestamp(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isFinite(n) && n > 0) return n;
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? undefined : parsed;
}

function ownString(item: object, key: string): string | undefined {
  const value: unknown = Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
