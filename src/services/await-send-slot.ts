import { hostLimit, hostOfUrl, PACING_MARGIN, type BookedSlot, type Pacer } from '../core/pacer';
import type { Clock } from './ports';

export interface SlotDeps {
  pacer: Pacer;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
}

export interface SendTarget {
  host: string;
  /** Slots per second (hostRate). */
  rate: number;
  /** The listener's limit per second (hostLimit). */
  limit: number;
}

/**
 * `send`: the pacer admitted the request now (its answer goes back to the pacer with `admittedAt`).
 * `park`: the request may not go before `slot.slot`, further away than the caller waits; `slot` is where
 * the plan stands now, so that later freezes move it on.
 */
export type SlotWait = { kind: 'send'; admittedAt: number } | { kind: 'park'; slot: BookedSlot };

/** Where a request to `url` is paced: its host, the host's limit (the lowest enabled rate) and the slot rate. */
export function sendTarget(connections: Parameters<typeof hostLimit>[0], url: string): SendTarget {
  const host = hostOfUrl(url);
  const limit = hostLimit(connections, host);
  return { host, rate: limit * PACING_MARGIN, limit };
}

/** Books the next free slot to the target's host. */
export function bookSlot(deps: SlotDeps, target: SendTarget): BookedSlot {
  const now = deps.clock.now();
  return { slot: deps.pacer.reserve(target.host, target.rate, now), bookedAt: now };
}

/**
 * Waits inline, while the wait is at most `maxInlineMs`, until a request to the target's host may go at the
 * `booked` slot. When the slot comes and the pacer does not admit the request (a 429's Retry-After, or late
 * timers that crowded the window), the plan is frozen and the slot moves on with it (src/core/pacer.ts).
 */
export async function awaitSendSlot(deps: SlotDeps, target: SendTarget, booked: BookedSlot, maxInlineMs: number): Promise<SlotWait> {
  let refusedUntil = 0;
  for (;;) {
    const now = deps.clock.now();
    const at = Math.max(deps.pacer.effectiveSlot(target.host, booked), refusedUntil);
    if (at - now > maxInlineMs) return { kind: 'park', slot: { slot: at, bookedAt: now } };
    if (at > now) await deps.sleep(at - now);
    const sendAt = deps.clock.now();
    refusedUntil = deps.pacer.admit(target.host, target.limit, sendAt);
    if (refusedUntil <= sendAt) return { kind: 'send', admittedAt: sendAt };
  }
}
