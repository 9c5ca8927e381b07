import { kvs } from '@forge/kvs';
import { isAlreadyExists } from './kvs-errors';
import { DELIVERY_ENTITY, DELIVERY_RECORD_TTL_DAYS, deliveryKey, type DeliveryRecord } from '../core/delivery-record';
import type { DeliveryRecords } from '../services/ports';

const TTL = { ttl: { value: DELIVERY_RECORD_TTL_DAYS, unit: 'DAYS' as const } };

/**
 * Delivery records as the `delivery` custom entity declared in manifest.yml, read and written by key:
 * what forwarding an event needs (the trigger's bundle holds this alone). KvsDeliveryStore adds the log's queries.
 */
export class KvsDeliveryRecords implements DeliveryRecords {
  protected readonly entity = kvs.entity<DeliveryRecord>(DELIVERY_ENTITY);

  async get(eventId: string, connectionId: string): Promise<DeliveryRecord | undefined> {
    return this.entity.get(deliveryKey(eventId, connectionId));
  }

  async getMany(eventId: string, connectionIds: readonly string[]): Promise<DeliveryRecord[]> {
    if (connectionIds.length === 0) return [];
    const result = await kvs.batchGet<DeliveryRecord>(connectionIds.map((id) => ({ key: deliveryKey(eventId, id), entityName: DELIVERY_ENTITY })));
    return result.successfulKeys.map((item) => item.value);
  }

  async putMany(records: readonly DeliveryRecord[]): Promise<void> {
    if (records.length === 1) {
      await this.entity.set(deliveryKey(records[0].eventId, records[0].connectionId), records[0], TTL);
      return;
    }
    const result = await kvs.batchSet(
      records.map((record) => ({ key: deliveryKey(record.eventId, record.connectionId), value: record, entityName: DELIVERY_ENTITY, options: TTL })),
    );
    if (result.failedKeys.length > 0) throw new Error(`Could not store ${result.failedKeys.length} delivery record(s)`);
  }

  async putNew(record: DeliveryRecord): Promise<boolean> {
    try {
      await this.entity.set(deliveryKey(record.eventId, record.connectionId), record, { ...TTL, keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}
