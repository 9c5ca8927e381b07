import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';

/** Jira's issue webhook names differ from the event kinds; every other webhook name IS its kind. */
const ISSUE_LABELS: Record<string, string> = {
  'jira:issue_created': 'Issue created',
  'jira:issue_updated': 'Issue updated',
  'jira:issue_deleted': 'Issue deleted',
};

function isEventKind(name: string): name is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(name);
}

/**
 * Admins read the labels they chose events by: the kind a delivery was sent as when the record knows it
 * (an assignment is Jira's `jira:issue_updated` but was chosen as "Issue assigned"), else Jira's webhook name.
 */
export function webhookEventLabel(webhookEvent: string, eventKind?: EventKind): string {
  if (eventKind) return EVENT_KIND_LABELS[eventKind];
  return ISSUE_LABELS[webhookEvent] ?? (isEventKind(webhookEvent) ? EVENT_KIND_LABELS[webhookEvent] : webhookEvent);
}
