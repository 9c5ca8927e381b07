const LABELS: Record<string, string> = {
  'jira:issue_created': 'Issue created',
  'jira:issue_updated': 'Issue updated',
  'jira:issue_deleted': 'Issue deleted',
  comment_created: 'Comment added',
  comment_updated: 'Comment edited',
  comment_deleted: 'Comment deleted',
};

/** The delivery log stores Jira's webhook event names; admins read the labels they chose events by. */
export function webhookEventLabel(webhookEvent: string): string {
  return LABELS[webhookEvent] ?? webhookEvent;
}
