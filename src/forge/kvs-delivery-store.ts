import { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { DeliveryRecord } from '../core/delivery-record';
import type { DeliveryQuery, DeliveryStore } from '../services/ports';
import { KvsDeliveryRecords } from './kvs-delivery-records';

/**
 * The delivery log: records by key (KvsDeliveryRecords) and queries. Each query uses the index that
 * narrows the most (an issue, a connection and state, a connection, a project, a state, or time) and
 * filters on the rest; all indexes range over `createdAt`, so results come newest first.
 */
export class KvsDeliveryStore extends KvsDeliveryRecords implements DeliveryStore {
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
