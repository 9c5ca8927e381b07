import type { DeliveryConditions } from '../shared/contract';
import type { NormalizedEvent } from './normalize-event';

/**
 * The cheap, local conditions: no Jira call. A JQL condition is checked afterwards, once per event for
 * every connection that has one (src/services/match-jql.ts).
 */
export function meetsLocalConditions(conditions: DeliveryConditions, event: NormalizedEvent): boolean {
  if (conditions.ignoreAccountIds && event.actorAccountId && conditions.ignoreAccountIds.includes(event.actorAccountId)) return false;
  if (conditions.issueTypes) {
    const type = issueTypeName(event);
    if (!type || !conditions.issueTypes.some((t) => t.toLowerCase() === type.toLowerCase())) return false;
  }
  // "Only when these fields changed" narrows updates; creations, comments and deletions are not updates.
  if (conditions.changedFields && event.webhookEvent === 'jira:issue_updated' && event.issueEventTypeName !== 'issue_assigned') {
    const changed = new Set((event.changelog?.items ?? []).flatMap((i) => [i.fieldId, i.field]).filter((f): f is string => typeof f === 'string'));
    if (!conditions.changedFields.some((f) => changed.has(f))) return false;
  }
  return true;
}

function issueTypeName(event: NormalizedEvent): string | undefined {
  const type = event.issue.fields.issuetype as { name?: unknown } | undefined;
  return typeof type?.name === 'string' ? type.name : undefined;
}
