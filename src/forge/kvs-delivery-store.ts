import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { isAlreadyExists } from './kvs-errors';
import {
  DELIVERY_ENTITY,
  DELIVERY_RECORD_TTL_DAYS,
  deliveryKey,
  type DeliveryRecord,
} from '../core/delivery-record';
import type { DeliveryQuery, DeliveryStore } from '../services/ports';

const TTL = { ttl: { value: DELIVERY_RECORD_TTL_DAYS, unit: 'DAYS' as const } };

/**
 * Delivery records as the `delivery` custom entity declared in manifest.yml. Each query uses the index
 * that narrows the most (an issue, a connection and state, a connection, a project, a state, or time)
 * and filters on the rest; all indexes range over `createdAt`, so results come newest first.
 */
export class KvsDeliveryStore implements DeliveryStore {
  private readonly entity = kvs.entity<DeliveryRecord>(DELIVERY_ENTITY);

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

  async query(query: DeliveryQuery): Promise<{ records: DeliveryRecord[]; nextCursor?: string }> {
    const { index, partition, covered } = chooseIndex(query);
    let builder = this.entity.query().index(index, partition ? { partition } : undefined).sort(Sort.DESC).limit(query.limit);
    const range = timeRange(query.fromMs, query.toMs);
    if (range) builder = builder.where(range);
    const filter = remainingFilter(query, covered);
    if (filter) builder = builder.filters(filter);
    if (query.cursor) builder = builder.cursor(query.cursor);
    const page = await builder.getMany();
    return { records: page.results.map((r) => r.value), nextCursor: page.nextCursor };
  }
}

type Narrowing = 'issueKey' | 'connectionId' | 'state' | 'projectKey';

function chooseIndex(query: DeliveryQuery): { index: string; partition?: unknown[]; covered: Narrowing[] } {
  if (query.issueKey) return { index: 'by-issue', partition: [query.issueKey], covered: ['issueKey'] };
  if (query.connectionId && query.state) {
    return { index: 'by-connection-state', partition: [query.connectionId, query.state], covered: ['connectionId', 'state'] };
  }
  if (query.connectionId) return { index: 'by-connection', partition: [query.connectionId], covered: ['connectionId'] };
  if (query.projectKey) return { index: 'by-project', partition: [query.projectKey], covered: ['projectKey'] };
  if (query.state) return { index: 'by-state', partition: [query.state], covered: ['state'] };
  return { index: 'by-time', covered: [] };
}

function timeRange(fromMs: number | undefined, toMs: number | undefined) {
  if (fromMs !== undefined && toMs !== undefined) return WhereConditions.between(fromMs, toMs);
  if (fromMs !== undefined) return WhereConditions.greaterThanEqualTo(fromMs);
  if (toMs !== undefined) return WhereConditions.lessThanEqualTo(toMs);
  return undefined;
}

function remainingFilter(query: DeliveryQuery, covered: readonly Narrowing[]) {
  const conditions = (['issueKey', 'connectionId', 'state', 'projectKey'] as const)
    .filter((field) => !covered.includes(field) && query[field])
    .map((field) => [field, query[field] as string] as const);
  if (conditions.length === 0) return undefined;
  const [first, ...rest] = conditions;
  let filter = new Filter<DeliveryRecord>().and(first[0], FilterConditions.equalTo(first[1]));
  for (const [field, value] of rest) filter = filter.and(field, FilterConditions.equalTo(value));
  return filter;
}
