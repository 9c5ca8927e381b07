import type { DeliveryConditions } from '../shared/contract';
import type { NormalizedEvent } from './normalize-event';

/**
 * The cheap, local conditions: no Jira call. A JQL condition is checked afterwards, once per event for
 * every connection that has one (src/services/match-jql.ts).
 */
export function meetsLocalConditions(conditions: DeliveryConditions, event: NormalizedEvent): boolean {
  if (conditions.ignoreAccountIds && event.actorAccountId && conditions.ignoreAccountIds.includes(event.actorAccountId)) return false;
  if (!issueTypeAllowed(conditions.issueTypes, event)) return false;
  // "Only when these fields changed" narrows updates; creations, comments and deletions are not updates.
  if (conditions.changedFields && event.webhookEvent === 'jira:issue_updated' && event.issueEventTypeName !== 'issue_assigned') {
    const changed = new Set((event.changelog?.items ?? []).flatMap((i) => [i.fieldId, i.field]).filter((f): f is string => typeof f === 'string'));
    if (!conditions.changedFields.some((f) => changed.has(f))) return false;
  }
  return true;
}

/** Whether the event's issue type is one of `issueTypes` (names, any case); no list allows every type. */
export function issueTypeAllowed(issueTypes: readonly string[] | undefined, event: NormalizedEvent): boolean {
  if (!issueTypes) return true;
  const type = issueTypeName(event);
  return type !== undefined && issueTypes.some((t) => t.toLowerCase() === type.toLowerCase());
}

export function issueTypeName(event: NormalizedEvent): string | undefined {
  const type = event.issue.fields.issuetype as { name?: unknown } | undefined;
  return typeof type?.name === 'string' ? type.name : undefined;
}
