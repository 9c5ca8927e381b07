/**
 * Jira Service Management SLAs as the relay sends them. An SLA is a custom field
 * (`schema.custom = com.atlassian.servicedesk:sd-sla-field`) whose value has the JSM REST shape
 * `{ id, name, ongoingCycle?: { startTime, breachTime, breached, paused, goalDuration, elapsedTime,
 * remainingTime }, completedCycles: [...] }`, times as `{ iso8601, epochMillis, friendly }` and durations as
 * `{ millis, friendly }` (developer.atlassian.com/cloud/jira/service-desk/rest: SlaInformation).
 */

export const SLA_FIELD_TYPE = 'com.atlassian.servicedesk:sd-sla-field';

/** One SLA of one issue in its ongoing cycle: what `{{sla.…}}` reaches in a template. */
export interface SlaSnapshot {
  fieldId: string;
  name: string;
  /** ISO 8601; with the issue and SLA it identifies the cycle, which makes one event per cycle. */
  cycleStartedAt: string;
  breachAt?: string;
  breached: boolean;
  paused: boolean;
  /** Jira's own wording, e.g. "8h", "-12m". */
  goal?: string;
  remaining?: string;
  goalMillis?: number;
  elapsedMillis?: number;
  remainingMillis?: number;
}

export type SlaEventKind = 'sla_breached' | 'sla_warning';

/** The ongoing cycle of an SLA field value, or undefined when there is none (completed, never started, not an SLA). */
export function slaSnapshot(fieldId: string, value: unknown): SlaSnapshot | undefined {
  const sla = record(value);
  const cycle = record(sla?.ongoingCycle);
  const name = sla?.name;
  const startedAt = iso(cycle?.startTime);
  if (!cycle || typeof name !== 'string' || !startedAt) return undefined;
  const snapshot: SlaSnapshot = { fieldId, name, cycleStartedAt: startedAt, breached: cycle.breached === true, paused: cycle.paused === true };
  const breachAt = iso(cycle.breachTime);
  if (breachAt) snapshot.breachAt = breachAt;
  const goal = duration(cycle.goalDuration);
  const elapsed = duration(cycle.elapsedTime);
  const remaining = duration(cycle.remainingTime);
  if (goal?.friendly) snapshot.goal = goal.friendly;
  if (remaining?.friendly) snapshot.remaining = remaining.friendly;
  if (goal?.millis !== undefined) snapshot.goalMillis = goal.millis;
  if (elapsed?.millis !== undefined) snapshot.elapsedMillis = elapsed.millis;
  if (remaining?.millis !== undefined) snapshot.remainingMillis = remaining.millis;
  return snapshot;
}

/** Every SLA of the issue that has an ongoing cycle. */
export function slaSnapshots(fields: Record<string, unknown>, slaFieldIds?: readonly string[]): SlaSnapshot[] {
  const ids = slaFieldIds ?? Object.keys(fields);
  return ids.flatMap((id) => {
    const snapshot = slaSnapshot(id, fields[id]);
    return snapshot ? [snapshot] : [];
  });
}

/**
 * Which SLA event the cycle calls for now: breached (at most `breachLookbackMs` ago, so an SLA that
 * breached weeks ago does not fire when the scan is first turned on), a warning when it breaches within
 * `warnWithinMs`, or none. A paused cycle does not move towards its breach and gets no warning.
 */
export function slaEventKind(snapshot: SlaSnapshot, nowMs: number, warnWithinMs: number, breachLookbackMs: number): SlaEventKind | undefined {
  const breachAt = snapshot.breachAt ? Date.parse(snapshot.breachAt) : Number.NaN;
  const remaining = snapshot.remainingMillis ?? (Number.isNaN(breachAt) ? undefined : breachAt - nowMs);
  if (snapshot.breached || (remaining !== undefined && remaining <= 0)) {
    const since = Number.isNaN(breachAt) ? 0 : nowMs - breachAt;
    return since <= breachLookbackMs ? 'sla_breached' : undefined;
  }
  if (snapshot.paused || remaining === undefined || warnWithinMs <= 0) return undefined;
  return remaining <= warnWithinMs ? 'sla_warning' : undefined;
}

/** The relay's own event for an SLA, in the envelope Forge events have, so it takes the same path. */
export function slaEvent(
  kind: SlaEventKind,
  issue: { id: string; key: string; fields: Record<string, unknown> },
  snapshot: SlaSnapshot,
  nowMs: number,
): Record<string, unknown> {
  return {
    eventType: kind === 'sla_breached' ? 'relay:sla:breached' : 'relay:sla:warning',
    timestamp: String(nowMs),
    issue: { id: issue.id, key: issue.key, fields: issue.fields },
    sla: snapshot,
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function iso(value: unknown): string | undefined {
  const time = record(value);
  if (typeof time?.epochMillis === 'number') return new Date(time.epochMillis).toISOString();
  return typeof time?.iso8601 === 'string' ? time.iso8601 : undefined;
}

function duration(value: unknown): { millis?: number; friendly?: string } | undefined {
  const d = record(value);
  if (!d) return undefined;
  return { millis: typeof d.millis === 'number' ? d.millis : undefined, friendly: typeof d.friendly === 'string' ? d.friendly : undefined };
}
