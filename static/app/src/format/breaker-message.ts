import type { ConnectionView } from '../../../../src/shared/contract';
import { formatRelative } from './format-relative';
import { formatTime } from './format-time';

export type Breaker = NonNullable<ConnectionView['breaker']>;

/** The backend counts at most 100 waiting deliveries; at the cap the real number may be higher. */
export const BACKLOG_CAP = 100;

export function backlogLabel(backlog: number): string {
  if (backlog >= BACKLOG_CAP) return `${BACKLOG_CAP}+ deliveries are waiting`;
  return backlog === 1 ? '1 delivery is waiting' : `${backlog} deliveries are waiting`;
}

/** "about 14:05:00 (in 4 minutes)", or "any moment now" once the probe is due. */
export function probeLabel(nextProbeAt: string, now: number = Date.now()): string {
  const at = new Date(nextProbeAt).getTime();
  if (Number.isNaN(at)) return nextProbeAt;
  if (at <= now) return 'any moment now';
  return `about ${formatTime(nextProbeAt)}, ${formatRelative(nextProbeAt, now)}`;
}

/**
 * The banner's sentence for a paused connection (its circuit breaker is open). The banner's title names the
 * connection; the sentence does not repeat the name, which can be 100 characters long.
 */
export function breakerMessage(breaker: Breaker, now: number = Date.now()): string {
  const reason = breaker.reason.trim().replace(/[.\s]+$/, '');
  return (
    `Paused since ${formatTime(breaker.since)}: ${reason}. ` +
    `${backlogLabel(breaker.backlog)} and will be sent when the next probe (${probeLabel(breaker.nextProbeAt, now)}) succeeds.`
  );
}
