import type { TemplateContext } from './template-context';

/** Canonical array indexes only, so `01` never aliases `1`. */
const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * The value at `path`, or undefined when any step is missing. Only OWN properties of plain objects and
 * array elements are followed, so `{{issue.constructor}}` or a changelog item without `toString` can
 * never reach JavaScript's prototype.
 */
export function resolvePath(context: TemplateContext, path: readonly string[]): unknown {
  let current: unknown = context;
  path.forEach((segment, i) => {
    // Automation's shortcut: {{issue.summary}} means issue.fields.summary when the issue has no own `summary`.
    current = i === 1 && path[0] === 'issue' ? (child(current, segment) ?? child(child(current, 'fields'), segment)) : child(current, segment);
  });
  return current;
}

function child(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return INDEX.test(segment) ? (value as unknown[])[Number(segment)] : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}
