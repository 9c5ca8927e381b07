import { kvs, WhereConditions } from '@forge/kvs';
import {
  DELIVERY_KEY_PREFIX,
  DELIVERY_RECORD_TTL_DAYS,
  deliveryRecordKey,
  type EventDeliveryRecord,
} from '../core/delivery-record';
import type { DeliveryStore } from '../services/ports';

/** Delivery records in plain KVS keys ordered newest first; they expire after 30 days (KVS TTL). */
export class KvsDeliveryStore implements DeliveryStore {
  async get(eventTimestampMs: number, eventId: string): Promise<EventDeliveryRecord | undefined> {
    return kvs.get<EventDeliveryRecord>(deliveryRecordKey(eventTimestampMs, eventId));
  }

  async put(record: EventDeliveryRecord): Promise<void> {
    await kvs.set(deliveryRecordKey(record.eventTimestampMs, record.eventId), record, {
      ttl: { value: DELIVERY_RECORD_TTL_DAYS, unit: 'DAYS' },
    });
  }

  async listRecent(limit: number): Promise<EventDeliveryRecord[]> {
    const page = await kvs
      .query()
      .where('key', WhereConditions.beginsWith(DELIVERY_KEY_PREFIX))
      .limit(Math.min(Math.max(limit, 1), 100))
      .getMany<EventDeliveryRecord>();
    return page.results.map((r) => r.value);
  }
}
