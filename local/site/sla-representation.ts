/**
 * SLA custom field values as Jira Cloud returns them in an issue's fields (the JSM `SlaInformation`
 * shape): times as `{ iso8601, jira, friendly, epochMillis }`, durations as `{ millis, friendly }`, all
 * computed from the site clock at request time.
 */
import { formatSlaDuration } from './durations';
import { jiraTime } from './jira-time';
import { SITE_BASE_URL } from './site-constants';
import { isBreached, elapsedMs, remainingMs, SLA_DEFS, slaCycles, type SlaCycle, type SlaDef } from './sla';
import type { SiteState, StoredIssue } from './site-state';

type Json = Record<string, unknown>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `04/Dec/24 9:00 AM`, in the site's time zone (UTC). */
function friendlyTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${pad(d.getUTCFullYear() % 100)} ${h % 12 || 12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

export function slaTime(ms: number): Json {
  return { iso8601: new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000'), jira: jiraTime(ms), friendly: friendlyTime(ms), epochMillis: ms };
}

export function slaDuration(ms: number): Json {
  return { millis: ms, friendly: formatSlaDuration(ms) };
}

function completedCycle(c: SlaCycle & { stop: number }, now: number): Json {
  return {
    startTime: slaTime(c.start),
    stopTime: slaTime(c.stop),
    breachTime: slaTime(c.start + c.goalMs),
    breached: isBreached(c, now),
    goalDuration: slaDuration(c.goalMs),
    elapsedTime: slaDuration(elapsedMs(c, now)),
    remainingTime: slaDuration(remainingMs(c, now)),
  };
}

function ongoingCycle(c: SlaCycle, now: number): Json {
  return {
    startTime: slaTime(c.start),
    breachTime: slaTime(c.start + c.goalMs),
    breached: isBreached(c, now),
    paused: false,
    withinCalendarHours: false,
    goalDuration: slaDuration(c.goalMs),
    elapsedTime: slaDuration(elapsedMs(c, now)),
    remainingTime: slaDuration(remainingMs(c, now)),
  };
}

function slaField(issue: StoredIssue, def: SlaDef, cycles: SlaCycle[], now: number): Json {
  const ongoing = cycles.find((c) => c.stop === null);
  return {
    id: def.id,
    name: def.name,
    _links: { self: `${SITE_BASE_URL}/rest/servicedeskapi/request/${issue.id}/sla/${def.id}` },
    completedCycles: cycles.flatMap((c) => (c.stop === null ? [] : [completedCycle({ ...c, stop: c.stop }, now)])),
    ...(ongoing ? { ongoingCycle: ongoingCycle(ongoing, now) } : {}),
    slaDisplayFormat: 'NEW_SLA_FORMAT',
  };
}

/** `{ customfield_10030: …, customfield_10031: … }` for an issue of a service project, `{}` otherwise. */
export function restSlaFields(state: SiteState, issue: StoredIssue, now: number): Json {
  const out: Json = {};
  for (const def of SLA_DEFS) {
    const cycles = slaCycles(state, issue, def);
    if (cycles.length > 0) out[def.fieldId] = slaField(issue, def, cycles, now);
  }
  return out;
}
