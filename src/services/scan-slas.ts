import { wantsEvent } from '../core/connection';
import { normalizeEvent } from '../core/normalize-event';
import { slaEvent, slaEventKind, slaSnapshots, type SlaSnapshot } from '../core/sla-event';
import type { FetchedIssue } from '../core/webhook-body';
import type { SlaScanStatus } from '../shared/contract';
import { SLA_EVENT_KINDS } from '../shared/events';
import { forwardEvent, type ForwardDeps } from './forward-event';
import type { JiraClient, SlaField, SlaScanState, SlaScanStore } from './ports';

export interface SlaScanDeps extends ForwardDeps {
  jira: JiraClient;
  slaScans: SlaScanStore;
}

export type SlaScanResult = { kind: 'idle'; reason: string } | { kind: 'scanned'; status: SlaScanStatus };

/**
 * A breach found later than this is not news: turning the scan on must not replay every SLA that
 * breached weeks ago and is still open. A day also covers a scan that did not run for hours.
 */
export const BREACH_LOOKBACK_MS = 24 * 3_600_000;
const PAGE_SIZE = 100;
/**
 * 2,000 issues per scan at most; the time budget usually ends it first. The JQL cannot ask for "breached
 * in the last day", so a service desk with more open breached requests than that is read newest request
 * first (slaJql's ORDER BY): a cycle that breaches now most often belongs to a recent request, while the
 * requests left open and breached for weeks are the oldest.
 */
const MAX_PAGES = 20;
/** Kept free to store what was sent before the scheduled function's time runs out. */
const RESERVE_MS = 10_000;
/** The KVS value holding what was sent stays far below its 240 KiB limit. */
const MAX_REMEMBERED = 4_000;
/** What the search asks for and the event carries: the subset Forge's own issue events carry (the body gets the full issue). */
const EVENT_FIELDS = ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status'];

/**
 * Forge has no SLA event (platform.md "Product events"), so a scheduled trigger looks for SLAs that
 * breached or are about to, with JSM's SLA JQL, and sends one `sla_breached` / `sla_warning` per issue,
 * SLA and cycle through the same path as Jira's events (same records, retries and breaker).
 * Nothing runs, and nothing is read from Jira, while no enabled connection wants SLA events.
 */
export async function scanSlas(deps: SlaScanDeps, input: { remainingMs: () => number }): Promise<SlaScanResult> {
  const config = await deps.cache.config();
  if (!config.connections.some((c) => c.enabled && wantsEvent(c, SLA_EVENT_KINDS))) {
    return { kind: 'idle', reason: 'No enabled connection wants SLA events' };
  }
  const now = deps.clock.now();
  const state = await deps.slaScans.load();
  const status: SlaScanStatus = { at: new Date(now).toISOString(), slas: 0, issues: 0, sent: 0 };
  try {
    const watched = watchedFields(await deps.jira.slaFields(), config.sla.slaNames);
    status.slas = watched.length;
    if (watched.length === 0) {
      status.error = config.sla.slaNames.length > 0 ? 'None of the SLAs named in the settings exists on this site.' : 'This site has no Service Management SLAs.';
    } else {
      const jql = slaJql(watched.map((f) => f.name), config.sla.warnBeforeMinutes);
      const options = { now, warnWithinMs: config.sla.warnBeforeMinutes * 60_000, remainingMs: input.remainingMs };
      let nextPageToken: string | undefined;
      // Page by page with a few fields each: a busy service desk's open breaches must not fill the
      // function's 128 MB. The full issue is fetched only for what is sent.
      for (let page = 0; page < MAX_PAGES && input.remainingMs() > RESERVE_MS; page++) {
        const result = await deps.jira.searchIssues({ jql, fields: [...EVENT_FIELDS, ...watched.map((f) => f.id)], maxResults: PAGE_SIZE, nextPageToken });
        status.issues += result.issues.length;
        const sent = await sendNew(deps, state, result.issues, watched, options);
        status.sent += sent;
        // Saved as it goes, so a scan cut short does not send again what it already sent.
        if (sent > 0) await deps.slaScans.save({ sent: state.sent, lastScan: state.lastScan });
        nextPageToken = result.nextPageToken;
        if (!nextPageToken) break;
      }
    }
  } catch (error) {
    status.error = error instanceof Error ? error.message : String(error);
    deps.logger.warn('SLA scan failed; the next scan tries again', { error: status.error });
  }
  await deps.slaScans.save({ sent: forgetOld(state.sent, now), lastScan: status });
  return { kind: 'scanned', status };
}

/**
 * Ongoing cycles that breached, and running ones breaching within the warning time. Names are quoted
 * (SLA names hold spaces); JSM's state functions take = / != and its duration functions < <= > >=
 * (support.atlassian.com/jira-service-management-cloud/docs/write-jql-queries-for-slas/).
 */
export function slaJql(names: readonly string[], warnBeforeMinutes: number): string {
  const clauses = names.flatMap((name) => {
    const field = `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const breached = `(${field} = breached() AND ${field} != completed())`;
    if (warnBeforeMinutes <= 0) return [breached];
    return [breached, `(${field} = running() AND ${field} != breached() AND ${field} <= remaining("${warnBeforeMinutes}m"))`];
  });
  // Explicit rather than left to the search's default order: the page cap needs the newest first.
  return `${clauses.join(' OR ')} ORDER BY created DESC`;
}

function watchedFields(fields: SlaField[], names: readonly string[]): SlaField[] {
  if (names.length === 0) return fields;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return fields.filter((f) => wanted.has(f.name.toLowerCase()));
}

async function sendNew(
  deps: SlaScanDeps,
  state: SlaScanState,
  issues: FetchedIssue[],
  watched: SlaField[],
  options: { now: number; warnWithinMs: number; remainingMs: () => number },
): Promise<number> {
  let sent = 0;
  for (const issue of issues) {
    for (const snapshot of slaSnapshots(issue.fields, watched.map((f) => f.id))) {
      const kind = slaEventKind(snapshot, options.now, options.warnWithinMs, BREACH_LOOKBACK_MS);
      if (!kind) continue;
      const rawEvent = slaEvent(kind, { id: issue.id, key: issue.key, fields: eventFields(issue.fields) }, snapshot, options.now);
      const eventId = normalizeEvent(rawEvent, options.now).id;
      if (state.sent[eventId] !== undefined) continue;
      // What is not sent now stays unmarked, so the next scan finds it again.
      if (options.remainingMs() < RESERVE_MS) return sent;
      const outcome = await forwardEvent(deps, { rawEvent, remainingMs: options.remainingMs, platformRetries: false });
      state.sent[eventId] = rememberUntil(snapshot, options.now);
      if (outcome.kind === 'done') sent++;
    }
  }
  return sent;
}

/** Until the cycle can no longer call for this event: past its breach and the lookback. */
function rememberUntil(snapshot: SlaSnapshot, now: number): number {
  const breachAt = snapshot.breachAt ? Date.parse(snapshot.breachAt) : now;
  return Math.max(now, Number.isNaN(breachAt) ? now : breachAt) + BREACH_LOOKBACK_MS + 3_600_000;
}

function forgetOld(sent: Record<string, number>, now: number): Record<string, number> {
  const kept = Object.entries(sent).filter(([, until]) => until > now);
  // The soonest to expire go first when there are too many.
  kept.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(kept.slice(0, MAX_REMEMBERED));
}

function eventFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(EVENT_FIELDS.filter((f) => Object.hasOwn(fields, f)).map((f) => [f, fields[f]]));
}
