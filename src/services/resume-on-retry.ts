import type { RelayConfig, StoredConnection } from '../core/connection';
import type { DeliveryRecord } from '../core/delivery-record';
import type { BookedSlot } from '../core/pacer';
import { JSON_CONTENT_TYPE, type RenderedPayload } from '../core/render-payload';

/** A delivery a retried trigger sends itself, as the queue would have: the same body, its attempt claimed. */
export interface Resumable {
  record: DeliveryRecord;
  connection: StoredConnection;
  rendered: RenderedPayload;
  /** Its place in the host's line: the slot it was parked for, or the end of its 429's Retry-After. */
  booked: BookedSlot;
}

/**
 * Which of the deliveries found on a trigger retry this invocation sends itself. Such a retry exists because
 * the queue refused them: those held back only by the listener's rate (parked for a slot, or answered 429)
 * are sent now if due within `maxInlineMs`, which costs no push. The rest (a backoff after a failure, an
 * open breaker, a body too large to keep, a connection disabled since) go back to the queue, whose
 * consumer handles each case.
 */
export function resumable(record: DeliveryRecord, config: RelayConfig, nowMs: number, maxInlineMs: number): Resumable | undefined {
  const body = record.detail.request.body;
  const connection = config.connections.find((c) => c.id === record.connectionId && c.enabled);
  if (record.state !== 'retrying' || body === undefined || !connection) return undefined;
  const rendered: RenderedPayload = { ok: true, body, contentType: record.detail.request.contentType ?? JSON_CONTENT_TYPE, droppedFields: [] };
  if (record.detail.waitingFor === 'rate-limit') {
    // Parked records are written when parked: `updatedAt` is when the slot was booked.
    return { record, connection, rendered, booked: { slot: record.detail.nextAttemptAt ?? nowMs, bookedAt: record.updatedAt } };
  }
  const dueAt = Math.max(record.detail.nextAttemptAt ?? nowMs, record.detail.notBefore ?? 0);
  if (record.detail.waitingFor !== undefined || record.status !== 429 || dueAt - nowMs > maxInlineMs) return undefined;
  // As the queue would (retry-job.ts nextAttemptJob): no sooner than the Retry-After, first after it.
  return { record, connection, rendered, booked: { slot: dueAt, bookedAt: dueAt } };
}
