import { resolvePath } from './resolve-path';
import type { TemplateContext } from './template-context';
import type { Placeholder, TextPart } from './types';

/** Missing and null are one case for fallbacks; functions and symbols are not JSON data, so they count as missing. */
export function isMissing(value: unknown): value is undefined | null {
  return value === undefined || value === null || typeof value === 'function' || typeof value === 'symbol';
}

/** Text for a value inside a longer string: objects and arrays as compact JSON, null as empty text. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isMissing(value)) return '';
  return JSON.stringify(value) ?? '';
}

export function placeholderText(placeholder: Placeholder, context: TemplateContext): string {
  const value = resolvePath(context, placeholder.path);
  return isMissing(value) ? (placeholder.fallback ?? '') : toText(value);
}

export function renderText(parts: readonly TextPart[], context: TemplateContext): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : placeholderText(part.placeholder, context))).join('');
}
