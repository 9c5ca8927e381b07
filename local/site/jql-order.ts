/**
 * `ORDER BY` for issue search: `created`, `updated` and `key` (issuekey), ASC or DESC, comma separated.
 * Without ORDER BY, Jira's search sorts by `created DESC`; without a direction, dates sort newest first
 * and keys ascending, as Jira's defaults do.
 */
import { FIELDS } from './field-catalog';
import { JqlError } from './jql-error';
import type { StoredIssue } from './site-state';

type Compare = (a: StoredIssue, b: StoredIssue) => number;

/** Splits `… ORDER BY …` off a query (a quoted "order by" inside a value is not expected here). */
export function splitOrderBy(jql: string): { where: string; orderBy: string | undefined } {
  const m = /\border\s+by\b([\s\S]*)$/i.exec(jql);
  return m ? { where: jql.slice(0, m.index), orderBy: m[1] } : { where: jql, orderBy: undefined };
}

function keyParts(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

const byKey: Compare = (a, b) => {
  const [pa, na] = keyParts(a.key);
  const [pb, nb] = keyParts(b.key);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
};

const SORTS: Record<string, { compare: Compare; defaultDesc: boolean }> = {
  created: { compare: (a, b) => a.created - b.created, defaultDesc: true },
  createddate: { compare: (a, b) => a.created - b.created, defaultDesc: true },
  updated: { compare: (a, b) => a.updated - b.updated, defaultDesc: true },
  updateddate: { compare: (a, b) => a.updated - b.updated, defaultDesc: true },
  key: { compare: byKey, defaultDesc: false },
  issuekey: { compare: byKey, defaultDesc: false },
};

export function compileOrderBy(orderBy: string | undefined): Compare {
  const terms = (orderBy ?? 'created DESC').split(',').map((t) => t.trim());
  const compares = terms.map((term): Compare => {
    const m = /^("?)([^"\s]+)\1(?:\s+(asc|desc))?$/i.exec(term);
    if (!m) throw new JqlError(`Error in the JQL Query: Expecting a field name to order by but got '${term}'.`);
    const sort = SORTS[m[2].toLowerCase()];
    if (!sort) {
      const known = FIELDS.some((f) => f.clauseNames.some((n) => n.toLowerCase() === m[2].toLowerCase()));
      throw new JqlError(known ? `The fake Jira site can only order by created, updated or key, not '${m[2]}'.` : `Field '${m[2]}' does not exist or you do not have permission to view it.`);
    }
    const desc = m[3] ? m[3].toLowerCase() === 'desc' : sort.defaultDesc;
    return desc ? (a, b) => sort.compare(b, a) : sort.compare;
  });
  // Ties fall back to the newest issue first, so pages stay stable.
  return (a, b) => compares.reduce((r, c) => r || c(a, b), 0) || Number(b.id) - Number(a.id);
}
