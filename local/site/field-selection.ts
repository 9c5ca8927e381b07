/**
 * Jira's `fields` selection, shared by `GET /issue/{id}` (comma list, default `*all`) and
 * `POST /search/jql` (array, default only the id): `*all`, `*navigable`, field ids, and `-id` to drop
 * one. Ids the issue does not have are ignored, as Jira does.
 */
import { isNavigable } from './field-catalog';

type Json = Record<string, unknown>;

export function selectFields(all: Json, wanted: readonly string[], fallback: '*all' | 'none'): Json {
  const items = wanted.map((f) => f.trim()).filter(Boolean);
  const include = items.filter((f) => !f.startsWith('-'));
  const exclude = new Set(items.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  // Only exclusions ("-comment"): start from the default set, as Jira does.
  const base = include.length > 0 ? include : fallback === '*all' ? ['*all'] : [];
  const keys = new Set<string>();
  for (const f of base) {
    if (f === '*all') Object.keys(all).forEach((k) => keys.add(k));
    else if (f === '*navigable') Object.keys(all).filter(isNavigable).forEach((k) => keys.add(k));
    else if (f in all) keys.add(f);
  }
  return Object.fromEntries(Object.keys(all).filter((k) => keys.has(k) && !exclude.has(k)).map((k) => [k, all[k]]));
}
