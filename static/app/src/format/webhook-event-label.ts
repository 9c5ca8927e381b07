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

/** The delivery log stores Jira's webhook event names; admins read the labels they chose events by. */
export function webhookEventLabel(webhookEvent: string): string {
  return ISSUE_LABELS[webhookEvent] ?? (isEventKind(webhookEvent) ? EVENT_KIND_LABELS[webhookEvent] : webhookEvent);
}
