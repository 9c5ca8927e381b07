import type { RelayConfig } from '../core/connection';
import type { DeliveryRecord } from '../core/delivery-record';
import { hostOfUrl, hostRate } from '../core/pacer';
import type { RetryJob } from './ports';

/** A queue job for a delivery record: when it should run, in queue time and (optionally) wall time. */
export function retryJobFor(
  record: DeliveryRecord,
  config: RelayConfig,
  when: { waitSeconds: number; notBefore?: number; manual?: boolean; ageSeconds?: number; paced?: boolean; bookedAt?: number },
): RetryJob {
  const host = hostOfUrl(record.detail.request.url);
  return {
    eventId: record.eventId,
    connectionId: record.connectionId,
    host,
    // Enough parallel consumers to keep up with the host's rate while each waits for its slot.
    hostParallel: Math.min(50, Math.max(2, Math.ceil(hostRate(config.connections, host)))),
    waitSeconds: Math.max(0, Math.round(when.waitSeconds)),
    notBefore: when.notBefore,
    ageSeconds: Math.round((when.ageSeconds ?? 0) + Math.max(0, when.waitSeconds)),
    manual: when.manual,
    forAttempt: record.attempts + 1,
    paced: when.paced,
    bookedAt: when.bookedAt,
  };
}

/** The job for the next attempt the record already has a time for (its schedule, its Retry-After floor). */
export function rescheduleJob(record: DeliveryRecord, config: RelayConfig, nowMs: number, ageSeconds?: number): RetryJob {
  const waitSeconds = Math.max(0, Math.ceil(((record.detail.nextAttemptAt ?? nowMs) - nowMs) / 1000));
  return retryJobFor(record, config, { waitSeconds, notBefore: record.detail.notBefore, ageSeconds });
}

/**
 * The job for the attempt after the record's latest. A 429's next attempt keeps its place in the host's
 * line: its slot is the end of the pause the 429 started (src/core/pacer.ts), booked as of then so that
 * only later pauses move it, rather than a new slot behind everything booked meanwhile.
 */
export function nextAttemptJob(
  record: DeliveryRecord,
  config: RelayConfig,
  retry: { waitSeconds: number; notBefore?: number },
  rateLimited: boolean,
  ageSeconds?: number,
): RetryJob {
  const keepsPlace = rateLimited && retry.notBefore !== undefined;
  return retryJobFor(record, config, { ...retry, ageSeconds, paced: keepsPlace || undefined, bookedAt: keepsPlace ? retry.notBefore : undefined });
}
