/**
 * A small JQL subset for `POST /rest/api/3/jql/match` and `POST /rest/api/3/search/jql`: clauses
 * `field = v`, `!=`, `in (…)`, `not in (…)` joined by AND / OR / NOT with parentheses; `ORDER BY` is
 * ignored here (search sorts with jql-order.ts). Fields: project, issuetype (type), status,
 * statusCategory, priority, key (issuekey), labels, assignee, reporter, and the JSM SLA fields with their
 * functions (jql-sla.ts). Written by hand because no maintained JQL parser exists on npm; anything else
 * is reported the way Jira reports it.
 */
import { ISSUE_TYPES, PRIORITIES, STATUSES } from './catalog';
import { JqlError } from './jql-error';
import { splitOrderBy } from './jql-order';
import { slaByClauseName, slaPredicate, type Predicate } from './jql-sla';
import type { SlaDef } from './sla';
import { issueTypeOf, priorityOf, statusOf } from './representations';
import type { SiteState, StoredIssue } from './site-state';

export { JqlError };

type Token = { kind: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma'; text: string; pos: number };

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(")((?:[^"\\]|\\.)*)"|(')((?:[^'\\]|\\.)*)'|(!=|<=|>=|=|<|>)|(\()|(\))|(,)|([^\s=!<>(),"']+))/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while (last < jql.length && (m = re.exec(jql)) !== null) {
    const pos = m.index + (m[0].length - m[0].trimStart().length);
    if (m[1] || m[3]) tokens.push({ kind: 'string', text: (m[2] ?? m[4] ?? '').replace(/\\(.)/g, '$1'), pos });
    else if (m[5]) tokens.push({ kind: 'op', text: m[5], pos });
    else if (m[6]) tokens.push({ kind: 'lparen', text: '(', pos });
    else if (m[7]) tokens.push({ kind: 'rparen', text: ')', pos });
    else if (m[8]) tokens.push({ kind: 'comma', text: ',', pos });
    else if (m[9]) tokens.push({ kind: 'word', text: m[9], pos });
    last = re.lastIndex;
  }
  if (jql.slice(last).trim() !== '') throw new JqlError(`Error in the JQL Query: The quoted string has not been completed. (line 1, character ${last + 1})`);
  return tokens;
}

const FIELD_ALIASES: Record<string, string> = { type: 'issuetype', issuekey: 'key' };
const FIELDS = ['project', 'issuetype', 'status', 'statuscategory', 'priority', 'key', 'labels', 'assignee', 'reporter'];

function valueMatcher(state: SiteState, field: string, value: string): (issue: StoredIssue) => boolean {
  const v = value.toLowerCase();
  const unknownValue = (): never => {
    throw new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
  };
  switch (field) {
    case 'project':
      if (!state.projects.some((p) => p.key.toLowerCase() === v || p.id === value || p.name.toLowerCase() === v)) unknownValue();
      return (i) => {
        const p = state.projects.find((x) => x.key === i.projectKey);
        return !!p && (p.key.toLowerCase() === v || p.id === value || p.name.toLowerCase() === v);
      };
    case 'issuetype':
      if (!ISSUE_TYPES.some((t) => t.name.toLowerCase() === v || t.id === value)) unknownValue();
      return (i) => issueTypeOf(i).name.toLowerCase() === v || issueTypeOf(i).id === value;
    case 'status':
      if (!STATUSES.some((s) => s.name.toLowerCase() === v || s.id === value)) unknownValue();
      return (i) => statusOf(i).name.toLowerCase() === v || statusOf(i).id === value;
    case 'statuscategory':
      return (i) => {
        const cat = statusOf(i).category;
        return cat.name.toLowerCase() === v || cat.key === v || String(cat.id) === value;
      };
    case 'priority':
      if (!PRIORITIES.some((p) => p.name.toLowerCase() === v || p.id === value)) unknownValue();
      return (i) => priorityOf(i).name.toLowerCase() === v || priorityOf(i).id === value;
    case 'key':
      return (i) => i.key.toLowerCase() === v || i.id === value;
    case 'labels':
      return (i) => i.labels.some((l) => l.toLowerCase() === v);
    case 'assignee':
    case 'reporter': {
      const id = (i: StoredIssue) => (field === 'assignee' ? i.assigneeId : i.reporterId);
      if (v === 'empty' || v === 'null') return (i) => id(i) === null;
      return (i) => id(i) === value;
    }
    default:
      throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  }
}

/**
 * Parses a JQL string into a predicate over stored issues. `now` is the site clock, for SLA functions.
 * Throws JqlError with Jira's wording.
 */
export function compileJql(state: SiteState, jql: string, now: number): Predicate {
  const tokens = tokenize(splitOrderBy(jql).where);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isWord = (t: Token | undefined, w: string) => t?.kind === 'word' && t.text.toLowerCase() === w;
  const fail = (expected: string): never => {
    const t = peek();
    throw new JqlError(
      t ? `Error in the JQL Query: Expecting ${expected} but got '${t.text}'. (line 1, character ${t.pos + 1})` : `Error in the JQL Query: Expecting ${expected} before the end of the query.`,
    );
  };

  const value = (): string => {
    const t = peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) return fail('either a value, list or function');
    i++;
    return t.text;
  };

  const clause = (): Predicate => {
    const t = peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) return fail('a field name');
    i++;
    const sla = slaByClauseName(t.text);
    if (sla) return slaClause(sla, t.text);
    const raw = t.text.toLowerCase();
    const field = FIELD_ALIASES[raw] ?? raw;
    if (!FIELDS.includes(field)) throw new JqlError(`Field '${t.text}' does not exist or you do not have permission to view it.`);
    const op = peek();
    let negate = false;
    let values: string[];
    if (op?.kind === 'op') {
      if (op.text !== '=' && op.text !== '!=') throw new JqlError(`The operator '${op.text}' is not supported by the '${t.text}' field.`);
      i++;
      negate = op.text === '!=';
      values = [value()];
    } else if (isWord(op, 'in') || (isWord(op, 'not') && isWord(tokens[i + 1], 'in'))) {
      negate = isWord(op, 'not');
      i += negate ? 2 : 1;
      if (peek()?.kind !== 'lparen') return fail("'('");
      i++;
      values = [value()];
      while (peek()?.kind === 'comma') {
        i++;
        values.push(value());
      }
      if (peek()?.kind !== 'rparen') return fail("')'");
      i++;
    } else return fail("operator");
    const matchers = values.map((v) => valueMatcher(state, field, v));
    return (issue) => matchers.some((m) => m(issue)) !== negate;
  };

  /** `"Time to resolution" <op> fn(args…)`: SLA fields take only SLA functions. */
  const slaClause = (sla: SlaDef, field: string): Predicate => {
    const op = peek();
    if (op?.kind !== 'op') {
      if (op?.kind === 'word') throw new JqlError(`The operator '${op.text}' is not supported by the '${field}' field.`);
      return fail('operator');
    }
    i++;
    const fn = peek();
    if (fn?.kind !== 'word' || tokens[i + 1]?.kind !== 'lparen') {
      throw new JqlError(`The field '${field}' only takes SLA functions, such as breached() or remaining("1h"), not '${fn?.text ?? ''}'.`);
    }
    i += 2;
    const args: string[] = [];
    while (peek()?.kind !== 'rparen') {
      args.push(value());
      if (peek()?.kind !== 'comma') break;
      i++;
    }
    if (peek()?.kind !== 'rparen') return fail("')'");
    i++;
    return slaPredicate(state, { sla, field, operator: op.text, fn: fn.text, args }, now);
  };

  const factor = (): Predicate => {
    if (isWord(peek(), 'not')) {
      i++;
      const inner = factor();
      return (issue) => !inner(issue);
    }
    if (peek()?.kind === 'lparen') {
      i++;
      const inner = orExpr();
      if (peek()?.kind !== 'rparen') return fail("')'");
      i++;
      return inner;
    }
    return clause();
  };

  const andExpr = (): Predicate => {
    const parts = [factor()];
    while (isWord(peek(), 'and')) {
      i++;
      parts.push(factor());
    }
    return (issue) => parts.every((p) => p(issue));
  };

  const orExpr = (): Predicate => {
    const parts = [andExpr()];
    while (isWord(peek(), 'or')) {
      i++;
      parts.push(andExpr());
    }
    return (issue) => parts.some((p) => p(issue));
  };

  if (tokens.length === 0) return () => true;
  const predicate = orExpr();
  if (i < tokens.length) fail("'AND' or 'OR'");
  return predicate;
}
