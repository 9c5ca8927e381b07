/**
 * JQL conditions on JSM SLA fields, named by their name in quotes or by `cf[10031]`. Semantics from
 * "Write JQL queries for SLAs" (https://support.atlassian.com/jira-service-management-cloud/docs/write-jql-queries-for-slas/)
 * and the JSM "Reporting on SLAs" JQL reference:
 * - state conditions use `=` / `!=`: breached() and completed()/running()/paused() look at the LAST cycle
 *   (completed or ongoing), everBreached() at any cycle; "SLAs that have no cycles yet are not returned by
 *   these conditions", with `!=` either;
 * - duration conditions use `<`, `<=`, `>`, `>=` with remaining("1h") or elapsed("30m"); `=`/`!=` are not
 *   supported and they "only apply to SLAs whose last cycle is ongoing".
 */
import { parseJqlDuration } from './durations';
import { JqlError } from './jql-error';
import type { SiteState, StoredIssue } from './site-state';
import { elapsedMs, isBreached, remainingMs, SLA_DEFS, slaCycles, type SlaCycle, type SlaDef } from './sla';

export type Predicate = (issue: StoredIssue) => boolean;

/** The SLA a JQL field name refers to: its name (any case) or its clause name `cf[<id>]`. */
export function slaByClauseName(name: string): SlaDef | undefined {
  const v = name.trim().toLowerCase();
  return SLA_DEFS.find((d) => d.name.toLowerCase() === v || `cf[${d.customId}]` === v);
}

const STATE: Record<string, (cycles: SlaCycle[], now: number) => boolean> = {
  breached: (cycles, now) => isBreached(cycles[cycles.length - 1], now),
  everbreached: (cycles, now) => cycles.some((c) => isBreached(c, now)),
  completed: (cycles) => cycles[cycles.length - 1].stop !== null,
  // No SLA pauses on this site (no "Waiting for customer" status), so every ongoing cycle is running.
  running: (cycles) => cycles[cycles.length - 1].stop === null,
  paused: () => false,
};

const DURATION: Record<string, (c: SlaCycle, now: number) => number> = { remaining: remainingMs, elapsed: elapsedMs };

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export interface SlaCondition {
  sla: SlaDef;
  /** The field as the query wrote it, for error messages. */
  field: string;
  operator: string;
  fn: string;
  args: string[];
}

export function slaPredicate(state: SiteState, cond: SlaCondition, now: number): Predicate {
  const fnName = cond.fn.toLowerCase();
  const call = `${cond.fn}(${cond.args.map((a) => `"${a}"`).join(', ')})`;
  const holds = STATE[fnName];
  if (holds) {
    if (cond.operator !== '=' && cond.operator !== '!=') throw new JqlError(`The operator '${cond.operator}' is not supported by the '${cond.fn}' function (use = or !=).`);
    if (cond.args.length > 0) throw new JqlError(`Function '${cond.fn}' expected no arguments but got ${cond.args.length}.`);
    const negate = cond.operator === '!=';
    return (issue) => {
      const cycles = slaCycles(state, issue, cond.sla);
      return cycles.length > 0 && holds(cycles, now) !== negate;
    };
  }
  const measure = DURATION[fnName];
  if (!measure) throw new JqlError(`Unable to find JQL function '${call}'.`);
  const compare = COMPARE[cond.operator];
  if (!compare) throw new JqlError(`The operator '${cond.operator}' is not supported by the '${cond.fn}' function (use <, <=, > or >=).`);
  if (cond.args.length !== 1) throw new JqlError(`Function '${cond.fn}' expects one duration, such as ${cond.fn}("1h 30m").`);
  const limit = parseJqlDuration(cond.args[0]);
  if (limit === undefined || (fnName === 'elapsed' && limit < 0)) {
    throw new JqlError(`'${cond.args[0]}' is not a valid duration for function '${cond.fn}' (for example "30m", "2h", "1h 30m", "1d"${fnName === 'remaining' ? ', "-15m"' : ''}).`);
  }
  return (issue) => {
    const last = slaCycles(state, issue, cond.sla).at(-1);
    return !!last && last.stop === null && compare(measure(last, now), limit);
  };
}
