import type { EventKind } from '../shared/events';
import { forgeEventSchema, type ChangelogItem, type ForgeEvent } from './forge-event';
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
  issue: { id: string; key: string; projectKey?: string; projectId?: string; fields: Record<string, unknown> };
  changelog?: { id?: string; items: ChangelogItem[] };
  comment?: Record<string, unknown> & { id: string };
  statusChange?: { from?: string; to?: string };
  /** An update whose only change is the assignee: Jira sends a separate "assigned" event for it too. */
  assigneeOnlyUpdate: boolean;
}

export class InvalidEventError extends Error {}

/** Parses and normalises a Forge event; `nowMs` stands in when the event has no timestamp. */
export function normalizeEvent(raw: unknown, nowMs: number): NormalizedEvent {
  const parsed = forgeEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidEventError(`Unsupported Forge event: ${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}`);
  }
  const event = parsed.data;
  const timestampMs = parseTimestamp(event.timestamp) ?? nowMs;
  const project = asRecord(event.issue.fields.project);
  const statusItem = event.changelog?.items.find((item) => item.fieldId === 'status' || item.field === 'status');
  // `toString` must be read as an own property: a missing one would be Object.prototype.toString.
  const statusChange = statusItem
    ? { from: ownString(statusItem, 'fromString'), to: ownString(statusItem, 'toString') }
    : undefined;
  const { webhookEvent, issueEventTypeName, kinds } = classify(event, statusChange !== undefined);
  return {
    id: stableEventId(event),
    forgeEventType: event.eventType,
    kinds,
    webhookEvent,
    issueEventTypeName,
    timestampMs,
    actorAccountId: event.atlassianId,
    issue: {
      id: event.issue.id,
      key: event.issue.key,
      projectKey: typeof project?.key === 'string' ? project.key : undefined,
      projectId: typeof project?.id === 'string' ? project.id : undefined,
      fields: event.issue.fields,
    },
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
  }
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
