/**
 * The three ways Jira writes a duration: time tracking ("1d 2h 15m" with Jira's default 8 h day and 5 d
 * week), JSM SLA "friendly" values (hours and minutes only: "8h", "-12m", "52h 3m"), and the durations JQL
 * SLA functions take ("30m", "1h 30m", "1d" = 24 h: SLA goals are clock time, not working days).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `timeSpent` of a worklog or `timetracking.timeSpent`, from seconds. */
export function formatTimeTracking(seconds: number): string {
  const units: Array<[string, number]> = [['w', 5 * 8 * 3600], ['d', 8 * 3600], ['h', 3600], ['m', 60]];
  let rest = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/** JSM's `friendly` duration: whole minutes towards zero, hours never rolled into days. */
export function formatSlaDuration(ms: number): string {
  const minutes = Math.trunc(Math.abs(ms) / MINUTE);
  if (minutes === 0) return '0m';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const text = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : ''].filter(Boolean).join(' ');
  return ms < 0 ? `-${text}` : text;
}

const JQL_UNITS: Record<string, number> = { w: 7 * 24 * HOUR, d: 24 * HOUR, h: HOUR, m: MINUTE };

/** Milliseconds of a JQL SLA duration such as `30m`, `1h 30m`, `-15m`; undefined when it is not one. */
export function parseJqlDuration(text: string): number | undefined {
  const m = /^\s*(-)?\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2].matchAll(/(\d+)\s*([wdhm])/gi)) total += Number(part[1]) * JQL_UNITS[part[2].toLowerCase()];
  return m[1] ? -total : total;
}
