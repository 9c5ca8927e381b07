import type { ResolverError } from '../../../../src/shared/contract';

/**
 * Form errors keyed by the input that shows them: `name`, `url`, `token`, `events`, `projects`,
 * `projectKeys`, `rateLimitPerSecond`, `headers.<row>.name`, `headers.<row>.value`, `headers`.
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
  if (top === 'headers') {
    const row = second === undefined ? undefined : headerRows[Number(second)];
    if (row === undefined) return 'headers';
    return `headers.${row}.${third === 'value' ? 'value' : 'name'}`;
  }
  return undefined;
}
