import { z } from 'zod';
import type { DeliveryConditions } from '../shared/contract';
import type { NormalizedEvent } from './normalize-event';

const textList = (message: string) =>
  z
    .array(z.string().trim().min(1, message).max(255, 'Use at most 255 characters'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined));

export const conditionsSchema: z.ZodType<DeliveryConditions, unknown> = z.object({
  jql: z
    .string()
    .trim()
    .max(2000, 'Use at most 2000 characters')
    .optional()
    .transform((jql) => (jql ? jql : undefined)),
  issueTypes: textList('Enter an issue type name'),
  changedFields: z
    .array(z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'Field ids are names such as status, assignee or customfield_10010'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined)),
  ignoreAccountIds: z
    .array(z.string().trim().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Pick an Atlassian account'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined)),
});

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
