import { TEMPLATE_ROOTS } from './template-context';
import type { Placeholder } from './types';

/** An error inside a placeholder; `index` counts from the start of the placeholder's content. */
export interface PathError {
  message: string;
  index: number;
}

/** Names of object keys in Jira REST data: custom field ids, `48x48` avatar sizes, hyphenated property keys. */
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const ARRAY_INDEX = /^[0-9]+$/;

/**
 * Automation helpers written without parentheses. They are not Jira data, so a path ending in one would
 * silently render empty; refusing them tells an Automation user that escaping is already automatic.
 */
const AUTOMATION_HELPERS = new Set([
  'jsonEncode', 'asJsonString', 'asJsonStringArray', 'asJsonArray', 'asJsonObject', 'quotedString',
  'urlEncode', 'htmlEncode', 'xmlEncode', 'toLowerCase', 'toUpperCase', 'trim', 'capitalize',
]);

/** Parses `path` or `path|fallback` (the text between the delimiters); `source` is the whole placeholder for messages. */
export function parsePlaceholder(content: string, source: string): { ok: true; placeholder: Placeholder } | { ok: false; error: PathError } {
  const bar = content.indexOf('|');
  const pathText = bar === -1 ? content : content.slice(0, bar);
  const lead = pathText.length - pathText.trimStart().length;
  const trimmed = pathText.trim();
  if (trimmed === '') return fail(`Empty path in ${source}: write a smart value such as {{issue.key}}`, lead);

  const segments = trimmed.split('.');
  let index = lead;
  for (const segment of segments) {
    const problem = checkSegment(segment, source);
    if (problem) return fail(problem, index);
    index += segment.length + 1;
  }
  const root = segments[0];
  if (!(TEMPLATE_ROOTS as readonly string[]).includes(root)) return fail(unknownRoot(root, source), lead);

  const placeholder: Placeholder = bar === -1 ? { path: segments, source } : { path: segments, fallback: content.slice(bar + 1).trim(), source };
  return { ok: true, placeholder };
}

function checkSegment(segment: string, source: string): string | undefined {
  if (segment === '') return `Empty path segment in ${source}: names are separated by single dots`;
  const call = /^\s*([A-Za-z_$][\w$]*)?\s*\(/.exec(segment);
  if (call) return unknownFunction(`${call[1] ?? ''}()`, source);
  if (AUTOMATION_HELPERS.has(segment)) return unknownFunction(segment, source);
  if (segment.includes('[')) return `Invalid path segment '${segment}' in ${source}: index arrays with a dot and a number, e.g. changelog.items.0.toString`;
  if (!SEGMENT.test(segment)) return `Invalid path segment '${segment}' in ${source}: names may hold only letters, digits, '_' and '-'`;
  if (ARRAY_INDEX.test(segment) && segment.length > 1 && segment.startsWith('0')) {
    return `Invalid path segment '${segment}' in ${source}: an array index has no leading zeros`;
  }
  return undefined;
}

function unknownFunction(name: string, source: string): string {
  return `Unknown function '${name}' in ${source}: this template language has no functions; values are escaped automatically and {{path|fallback}} gives a default`;
}

function unknownRoot(root: string, source: string): string {
  const hint = root === 'now' ? ' (there is no {{now}}: {{timestamp}} is the event time in epoch milliseconds)' : '';
  return `Unknown smart value '${root}' in ${source}${hint}: paths start with ${TEMPLATE_ROOTS.join(', ')}`;
}

function fail(message: string, index: number): { ok: false; error: PathError } {
  return { ok: false, error: { message, index } };
}
