/**
 * The event kinds a connection can subscribe to, with the labels admins see.
 * Shared by the backend (routing) and the UI (checkboxes), so both agree on one list.
 */
export const EVENT_KINDS = [
  'issue_created',
  'issue_updated',
  'issue_transitioned',
  'issue_assigned',
  'issue_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
  'worklog_created',
  'worklog_updated',
  'worklog_deleted',
  'attachment_created',
  'attachment_deleted',
  'issuelink_created',
  'issuelink_deleted',
  'sla_breached',
  'sla_warning',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  issue_created: 'Issue created',
  issue_updated: 'Issue updated',
  issue_transitioned: 'Issue transitioned (status changed)',
  issue_assigned: 'Issue assigned',
  issue_deleted: 'Issue deleted',
  comment_created: 'Comment added',
  comment_updated: 'Comment edited',
  comment_deleted: 'Comment deleted',
  worklog_created: 'Work logged',
  worklog_updated: 'Work log edited',
  worklog_deleted: 'Work log deleted',
  attachment_created: 'Attachment added',
  attachment_deleted: 'Attachment deleted',
  issuelink_created: 'Issue linked',
  issuelink_deleted: 'Issue link removed',
  sla_breached: 'SLA breached (Service Management)',
  sla_warning: 'SLA about to breach (Service Management)',
};

/** How the admin page groups the checkboxes. */
export const EVENT_KIND_GROUPS: ReadonlyArray<{ label: string; kinds: readonly EventKind[] }> = [
  { label: 'Issues', kinds: ['issue_created', 'issue_updated', 'issue_transitioned', 'issue_assigned', 'issue_deleted'] },
  { label: 'Comments', kinds: ['comment_created', 'comment_updated', 'comment_deleted'] },
  { label: 'Work logs, attachments and links', kinds: ['worklog_created', 'worklog_updated', 'worklog_deleted', 'attachment_created', 'attachment_deleted', 'issuelink_created', 'issuelink_deleted'] },
  { label: 'Service Management SLAs', kinds: ['sla_breached', 'sla_warning'] },
];

/** The SLA kinds, found by a scheduled scan rather than a Jira event (src/services/scan-slas.ts). */
export const SLA_EVENT_KINDS: readonly EventKind[] = ['sla_breached', 'sla_warning'];

/**
 * Subscribed by default: issue and comment events, but not `issue_transitioned` (a subset of
 * `issue_updated`) nor the opt-in work log, attachment, link and SLA events.
 * Jira emits both an "assigned" and an "updated" event for an assignment; routing sends only the
 * "assigned" one to a connection that wants both, so an assignment still arrives once.
 */
export const DEFAULT_EVENT_KINDS: readonly EventKind[] = [
  'issue_created',
  'issue_updated',
  'issue_assigned',
  'issue_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
];
