import type { DeliveryView } from '../shared/contract';
import type { EventDeliveryRecord } from '../core/delivery-record';
import type { DeliveryStore } from './ports';

export interface DeliveryFilter {
  limit: number;
  connectionId?: string;
  projectKey?: string;
}

/** How many event records are scanned to fill a filtered page; a fuller log with indexes comes later. */
const SCAN_LIMIT = 200;

/** Recent deliveries, newest first, one row per event and connection. */
export async function listDeliveries(store: DeliveryStore, filter: DeliveryFilter): Promise<DeliveryView[]> {
  const filtered = filter.connectionId !== undefined || filter.projectKey !== undefined;
  const records = await store.listRecent(filtered ? SCAN_LIMIT : filter.limit);
  const rows: DeliveryView[] = [];
  for (const record of records) {
    if (filter.projectKey !== undefined && record.projectKey !== filter.projectKey) continue;
    for (const delivery of record.deliveries) {
      if (filter.connectionId !== undefined && delivery.connectionId !== filter.connectionId) continue;
      rows.push(toView(record, delivery));
    }
  }
  return rows.slice(0, filter.limit);
}

function toView(record: EventDeliveryRecord, delivery: EventDeliveryRecord['deliveries'][number]): DeliveryView {
  const last = delivery.attempts.at(-1);
  return {
    eventId: record.eventId,
    connectionId: delivery.connectionId,
    connectionName: delivery.connectionName,
    webhookEvent: record.webhookEvent,
    issueKey: record.issueKey,
    projectKey: record.projectKey,
    state: delivery.state,
    status: last?.status,
    latencyMs: last?.latencyMs,
    attempts: delivery.attempts.length,
    lastAttemptAt: last?.at ?? new Date(record.eventTimestampMs).toISOString(),
    responseExcerpt: last?.responseExcerpt,
    error: last?.error,
  };
}
