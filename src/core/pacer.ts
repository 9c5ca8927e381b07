/**
 * Paces requests per listener host. Moveworks limits a whole organisation, so every connection to one host
 * shares one schedule at the lowest rate any of them sets (receiver.md "Limits"). Two parts:
 *
 * - a plan: `reserve` books slots 1/rate apart (never in bursts), so the events of a burst come due one
 *   slot apart, in order, and a caller knows at once whether to wait inline or to park the delivery;
 * - a guard: `admit`, called when a slot comes, lets the request go only if the last `DISPATCH_WINDOW_MS`
 *   hold fewer than `limit` requests. The plan alone is not enough: a timer that fires late (a busy event
 *   loop, a slow call before the send) bunches requests that were booked apart, and a listener counting a
 *   sliding one-second window answers the bunch with 429s.
 *
 * When the host may not take a request (a 429's Retry-After, or a full window) the whole plan is frozen
 * until it may: every slot not yet reached moves later by the frozen time, in order. Voiding the slots
 * instead would either fire them all together when the pause ends or send them to the back of the line,
 * where callers waiting for them would hold the queue's concurrency while later slots starve.
 *
 * The state lives in memory: in one warm Forge container it paces every invocation the container runs;
 * separate containers each keep their own, and the 429 back-off then does the rest.
 */
interface Freeze {
  from: number;
  to: number;
}

/** A request the guard let through, and how long its answer took once it came. */
interface Admission {
  at: number;
  /** The guard's window for this host's limit (longer than a second for limits under 1/s). */
  windowMs: number;
  roundTripMs?: number;
}

interface HostSchedule {
  /** The earliest time the next booking may get. */
  nextFreeAt: number;
  /** The end of the latest freeze: nothing is admitted before it. */
  frozenUntil: number;
  /** Freezes in time order, kept while a slot booked before them may still be waiting. */
  freezes: Freeze[];
  /** Requests that still count in the guard's window. */
  admitted: Admission[];
  /** The fastest round trip seen to this host (ms), the yardstick for a request that was slow to arrive. */
  fastestRoundTripMs?: number;
}

/** A slot and when it was booked: freezes after the booking move it. */
export interface BookedSlot {
  slot: number;
  bookedAt: number;
}

/**
 * The guard counts a little more than one second: what leaves here reaches the listener after a network
 * delay that varies by a few tens of milliseconds, and the listener counts arrivals. Slots at
 * `PACING_MARGIN` of the limit put `limit` requests 1/0.95 s ≈ 1053 ms apart, so a request on its slot is
 * admitted even when its timer fired up to ~25 ms late.
 */
export const DISPATCH_WINDOW_MS = 1_025;
/**
 * A request answered this much slower than the host's fastest round trip may have reached the listener
 * that much later than it left (a stalled event loop, a slow network path), so it counts that much
 * longer. Capped, as a slow answer more often means a slow listener, whose requests arrived on time.
 */
const MAX_LATE_ARRIVAL_MS = 500;
/** Longer than any slot is booked ahead plus a queue hop (≤ 900 s): older freezes can no longer matter. */
const FREEZE_MEMORY_MS = 3_600_000;

export class Pacer {
  private readonly hosts = new Map<string, HostSchedule>();

  /** Books the next free slot for `host` (at or after `nowMs` and any freeze) and returns its time. */
  reserve(host: string, rate: number, nowMs: number): number {
    const schedule = this.schedule(host);
    const slot = Math.max(nowMs, schedule.nextFreeAt, schedule.frozenUntil);
    schedule.nextFreeAt = slot + 1000 / rate;
    return slot;
  }

  /** Where a booked slot lies now: later by every freeze that began after the booking and before the slot. */
  effectiveSlot(host: string, booked: BookedSlot): number {
    let at = booked.slot;
    for (const freeze of this.hosts.get(host)?.freezes ?? []) {
      if (freeze.from >= booked.bookedAt && freeze.from <= at) at += freeze.to - freeze.from;
    }
    return at;
  }

  /**
   * Called when a slot has come: records a request at `nowMs` and returns `nowMs` when the host may take
   * it; otherwise records nothing, freezes the plan until the host may, and returns that time.
   */
  admit(host: string, limitPerSecond: number, nowMs: number): number {
    const schedule = this.schedule(host);
    if (schedule.frozenUntil > nowMs) return schedule.frozenUntil;
    schedule.admitted = schedule.admitted.filter((a) => a.at + a.windowMs + MAX_LATE_ARRIVAL_MS > nowMs);
    const ends = schedule.admitted.map((a) => this.countsUntil(schedule, a)).filter((end) => end > nowMs);
    // A limit under 1/s (an unsecured listener: 1 request per 10 s) is one request per its longer window.
    const capacity = Math.max(1, Math.floor(limitPerSecond));
    if (ends.length >= capacity) {
      const roomAt = ends.sort((a, b) => a - b)[ends.length - capacity] ?? nowMs;
      this.freeze(schedule, nowMs, roomAt);
      return roomAt;
    }
    const windowMs = (limitPerSecond >= 1 ? 1000 : 1000 / limitPerSecond) + DISPATCH_WINDOW_MS - 1000;
    schedule.admitted.push({ at: nowMs, windowMs });
    return nowMs;
  }

  /** The answer to a request admitted at `admittedAt` came at `nowMs`: a slow one counts longer (MAX_LATE_ARRIVAL_MS). */
  answered(host: string, admittedAt: number, nowMs: number): void {
    const schedule = this.schedule(host);
    const roundTripMs = Math.max(0, nowMs - admittedAt);
    schedule.fastestRoundTripMs = Math.min(schedule.fastestRoundTripMs ?? roundTripMs, roundTripMs);
    const admission = schedule.admitted.find((a) => a.at === admittedAt && a.roundTripMs === undefined);
    if (admission) admission.roundTripMs = roundTripMs;
  }

  /** Measured against the fastest round trip known now, which may come after this answer did. */
  private countsUntil(schedule: HostSchedule, admission: Admission): number {
    const lateMs = admission.roundTripMs === undefined ? 0 : admission.roundTripMs - (schedule.fastestRoundTripMs ?? admission.roundTripMs);
    return admission.at + admission.windowMs + Math.min(MAX_LATE_ARRIVAL_MS, lateMs);
  }

  /** When the current freeze on this host ends (0 when there is none). */
  pausedUntil(host: string): number {
    return this.hosts.get(host)?.frozenUntil ?? 0;
  }

  /** After a 429: nothing goes to this host before `untilMs`, and every slot not yet reached moves with it. */
  pause(host: string, untilMs: number, nowMs: number): void {
    this.freeze(this.schedule(host), nowMs, untilMs);
  }

  private freeze(schedule: HostSchedule, nowMs: number, untilMs: number): void {
    // Overlapping pauses (several 429s answered together) freeze only the time not frozen yet.
    const from = Math.max(nowMs, schedule.frozenUntil);
    if (untilMs <= from) return;
    schedule.nextFreeAt = schedule.nextFreeAt >= from ? schedule.nextFreeAt + (untilMs - from) : untilMs;
    schedule.frozenUntil = untilMs;
    schedule.freezes = schedule.freezes.filter((f) => f.to > nowMs - FREEZE_MEMORY_MS);
    schedule.freezes.push({ from, to: untilMs });
  }

  private schedule(host: string): HostSchedule {
    let schedule = this.hosts.get(host);
    if (!schedule) {
      schedule = { nextFreeAt: 0, frozenUntil: 0, freezes: [], admitted: [] };
      this.hosts.set(host, schedule);
    }
    return schedule;
  }
}

type HostConnection = { url: string; enabled: boolean; rateLimitPerSecond: number };

/** The host's limit: the lowest rate of the enabled connections that call it (5/s when none is enabled). */
export function hostLimit(connections: readonly HostConnection[], host: string): number {
  const rates = connections.filter((c) => c.enabled && hostOfUrl(c.url) === host).map((c) => c.rateLimitPerSecond);
  return rates.length > 0 ? Math.min(...rates) : 5;
}

/** The rate slots are booked at: a little under the host's limit (see PACING_MARGIN). */
export function hostRate(connections: readonly HostConnection[], host: string): number {
  return hostLimit(connections, host) * PACING_MARGIN;
}

/**
 * Slots are booked a little under the configured rate, so that requests a little late on their slot still
 * fit the listener's window (see DISPATCH_WINDOW_MS).
 */
export const PACING_MARGIN = 0.95;

export function hostOfUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
