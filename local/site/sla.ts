/**
 * Jira Service Management SLAs on the fake site: two SLA custom fields on issues of service projects.
 * "Time to first response" starts at creation and stops at the first comment by someone other than the
 * reporter, or at resolution; "Time to resolution" starts at creation and stops at resolution. There is no
 * "Waiting for customer" status in catalog.ts, so no SLA ever pauses, and each SLA has one cycle: once
 * completed it stays completed (reopening the issue or deleting the comment does not restart it).
 */
import { STATUSES } from './catalog';
import type { SiteState, StoredIssue, StoredProject } from './site-state';

const HOUR = 3_600_000;

export interface SlaDef {
  /** The SLA metric id in the JSM API (`/rest/servicedeskapi/request/{id}/sla/{slaId}`). */
  id: string;
  fieldId: string;
  customId: number;
  name: string;
  goalMs: number;
}

export const TIME_TO_FIRST_RESPONSE: SlaDef = { id: '1', fieldId: 'customfield_10030', customId: 10030, name: 'Time to first response', goalMs: 4 * HOUR };
export const TIME_TO_RESOLUTION: SlaDef = { id: '2', fieldId: 'customfield_10031', customId: 10031, name: 'Time to resolution', goalMs: 8 * HOUR };
export const SLA_DEFS: readonly SlaDef[] = [TIME_TO_FIRST_RESPONSE, TIME_TO_RESOLUTION];

/** An SLA by name (any case), field id or JQL clause name `cf[10031]`. */
export function findSla(value: string): SlaDef | undefined {
  const v = value.trim().toLowerCase();
  return SLA_DEFS.find((d) => d.name.toLowerCase() === v || d.fieldId === v || `cf[${d.customId}]` === v);
}

export function hasSlas(project: StoredProject): boolean {
  return project.projectTypeKey === 'service_desk';
}

export interface SlaCycle {
  start: number;
  /** When the cycle completed; null while it is ongoing. */
  stop: number | null;
  goalMs: number;
}

/** Only for issues saved before completion times were recorded: read the stop from the issue itself. */
function derivedStop(issue: StoredIssue, def: SlaDef): number | null {
  const done = STATUSES.find((s) => s.id === issue.statusId)?.category.key === 'done';
  const resolved = done ? issue.resolutionDate : null;
  if (def === TIME_TO_RESOLUTION) return resolved;
  const response = issue.comments.find((c) => c.authorId !== issue.reporterId)?.created ?? null;
  const stops = [resolved, response].filter((t): t is number => t !== null);
  return stops.length > 0 ? Math.min(...stops) : null;
}

/** The SLA's cycles, oldest first; none outside service projects. */
export function slaCycles(state: SiteState, issue: StoredIssue, def: SlaDef): SlaCycle[] {
  const project = state.projects.find((p) => p.key === issue.projectKey);
  if (!project || !hasSlas(project)) return [];
  const start = issue.sla.startOverrides[def.fieldId] ?? issue.created;
  const stop = issue.sla.completedAt[def.fieldId] ?? derivedStop(issue, def);
  return [{ start, stop, goalMs: def.goalMs }];
}

export const elapsedMs = (c: SlaCycle, now: number): number => (c.stop ?? now) - c.start;
export const remainingMs = (c: SlaCycle, now: number): number => c.goalMs - elapsedMs(c, now);
export const isBreached = (c: SlaCycle, now: number): boolean => remainingMs(c, now) < 0;

/**
 * Stops the clocks that this change completes, before the change is applied: `response` is a comment
 * by `authorId`, `resolution` a transition into a done status.
 */
export function stopSlaClocks(state: SiteState, issue: StoredIssue, now: number, change: { kind: 'response'; authorId: string } | { kind: 'resolution' }): void {
  for (const def of SLA_DEFS) {
    const ongoing = slaCycles(state, issue, def).find((c) => c.stop === null);
    if (!ongoing) continue;
    const stops = change.kind === 'resolution' || (def === TIME_TO_FIRST_RESPONSE && change.authorId !== issue.reporterId);
    if (stops) issue.sla.completedAt[def.fieldId] = now;
  }
}
