import type { ResolverError } from '../../../../src/shared/contract';

/**
 * Form errors keyed by the input that shows them: `name`, `url`, `token`, `events`, `projects`,
 * `projectKeys`, `rateLimitPerSecond`, `headers.<row>.name`, `headers.<row>.value`, `headers`,
 * `template`, `payloadFields`, `jql`, `issueTypes`, `changedFields`, `ignoreAccounts`.
 */
export type FieldErrors = Record<string, string>;

const TOP_LEVEL = new Set(['name', 'url', 'token', 'events', 'rateLimitPerSecond', 'enabled']);

/**
 * Maps a resolver error's dot-separated `field` to the input that shows it. `headerRows` maps the
 * submitted header index back to the form row (blank rows are not submitted). Undefined means no
 * input matches: the form shows the error above its fields instead.
 */
export function formFieldFor(error: ResolverError, headerRows: number[]): string | undefined {
  const parts = error.field?.split('.') ?? [];
  const [top, second, third] = parts;
  if (top === undefined) return undefined;
  if (TOP_LEVEL.has(top)) return top;
  if (top === 'projects') return second === 'projectKeys' ? 'projectKeys' : 'projects';
  if (top === 'payload') return second === 'fields' ? 'payloadFields' : 'template';
  if (top === 'conditions') {
    if (second === 'jql') return 'jql';
    if (second === 'issueTypes' || second === 'changedFields') return second;
    if (second === 'ignoreAccountIds') return 'ignoreAccounts';
    return undefined;
  }
  if (top === 'headers') {
    const row = second === undefined ? undefined : headerRows[Number(second)];
    if (row === undefined) return 'headers';
    return `headers.${row}.${third === 'value' ? 'value' : 'name'}`;
  }
  return undefined;
}

/** Which dialog tab shows an input's error, so a failed save can open it. */
export type FormTab = 'details' | 'payload' | 'conditions';
const PAYLOAD_FIELDS = new Set(['template', 'payloadFields']);
const CONDITION_FIELDS = new Set(['jql', 'issueTypes', 'changedFields', 'ignoreAccounts']);
export function tabOf(field: string): FormTab {
  if (PAYLOAD_FIELDS.has(field)) return 'payload';
  if (CONDITION_FIELDS.has(field)) return 'conditions';
  return 'details';
}

/**
 * An error about one entry of a list input (`conditions.issueTypes.2`) names the entry, since the
 * message alone ("Field ids are names such as …") does not say which chip is wrong.
 */
export function listEntryMessage(error: ResolverError, list: readonly string[]): string {
  const index = Number(error.field?.split('.')[2]);
  const entry = Number.isInteger(index) ? list[index] : undefined;
  return entry === undefined ? error.message : `“${entry}”: ${error.message}`;
}
