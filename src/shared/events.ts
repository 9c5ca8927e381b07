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
};

/**
 * Subscribed by default: everything but `issue_transitioned`, a subset of `issue_updated`.
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
