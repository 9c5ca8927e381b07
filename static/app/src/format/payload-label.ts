import type { DeliveryConditions, PayloadFormat } from '../../../../src/shared/contract';
import { countLabel } from './count-label';

/** The payload format in a few words for the connections list: "Jira format", "Custom JSON", "Form". */
export function payloadLabel(payload: PayloadFormat): string {
  if (payload.format === 'custom') return payload.encoding === 'form' ? 'Custom form' : 'Custom JSON';
  const parts = ['Jira format'];
  if (payload.fields && payload.fields.length > 0) parts.push(countLabel(payload.fields.length, 'field', 'fields'));
  if (payload.includeChanges) parts.push('changes');
  return parts.join(', ');
}

/** The conditions that are set, by name, in the order the dialog shows them. */
export function conditionNames(conditions: DeliveryConditions): string[] {
  const names: string[] = [];
  if (conditions.jql) names.push('JQL');
  if (conditions.issueTypes?.length) names.push('issue types');
  if (conditions.changedFields?.length) names.push('changed fields');
  if (conditions.ignoreAccountIds?.length) names.push('ignored accounts');
  return names;
}

/** "2 conditions", or undefined when every event is sent. */
export function conditionsLabel(conditions: DeliveryConditions): string | undefined {
  const count = conditionNames(conditions).length;
  return count === 0 ? undefined : countLabel(count, 'condition', 'conditions');
}
