import type { EntityDef } from './manifest';
import type { StoredItem } from './kvs-store';
import { compareTuples, decodeCursor, encodeCursor, matchesCondition, matchesFilters, readCondition } from './kvs-conditions';
import { KvsApiError } from './kvs-validation';
import { asArray, asNumber, isRecord, type JsonRecord } from './narrow';

export interface QueryPage {
  data: Array<{ key: string; item: StoredItem }>;
  cursor?: string;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

export function pageLimit(raw: unknown): number {
  const limit = asNumber(raw) ?? DEFAULT_LIMIT;
  return Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT);
}

/**
 * An index query as @forge/kvs entity-query.js sends it: partition values (equality on the index's
 * partition attributes), a range condition on its first range attribute, and/or filters, sort, cursor.
 */
export function queryEntityIndex(entity: EntityDef, entries: Array<[string, StoredItem]>, body: JsonRecord): QueryPage {
  const index = entity.indexes.find((ix) => ix.name === body.indexName);
  if (!index) {
    throw new KvsApiError(400, 'INDEX_NOT_FOUND', `Index ${String(body.indexName)} is not declared for entity ${entity.name}.`);
  }
  const partition = asArray(body.partition);
  if (partition.length !== index.partition.length) {
    throw new KvsApiError(400, 'BAD_REQUEST', `Index ${index.name} needs ${index.partition.length} partition value(s).`);
  }
  const range = readCondition(body.range);
  const attrs = (item: StoredItem): Record<string, unknown> => (isRecord(item.value) ? item.value : {});
  const sortTuple = (key: string, item: StoredItem): unknown[] => [...index.range.map((a) => attrs(item)[a]), key];
  const desc = body.sort === 'DESC';
  const after = decodeCursor(body.cursor);
  const matching = entries
    .filter(([, item]) => index.partition.every((attr, i) => attrs(item)[attr] === partition[i]))
    .filter(([, item]) => index.range.every((attr) => attrs(item)[attr] !== undefined))
    .filter(([, item]) => !range || matchesCondition(attrs(item)[index.range[0]], range))
    .filter(([, item]) => matchesFilters(attrs(item), body.filters))
    .map(([key, item]) => ({ key, item, tuple: sortTuple(key, item) }))
    .sort((a, b) => (desc ? -1 : 1) * compareTuples(a.tuple, b.tuple))
    .filter((row) => !after || (desc ? -1 : 1) * compareTuples(row.tuple, after) > 0);
  const limit = pageLimit(body.limit);
  const page = matching.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ key, item }) => ({ key, item })),
    cursor: matching.length > limit && last ? encodeCursor(last.tuple) : undefined,
  };
}

/** `kvs.query().where('key', …)`: key conditions over plain values, ascending by key. */
export function queryKeys(entries: Array<[string, StoredItem]>, body: JsonRecord): QueryPage {
  const conditions = asArray(body.where).flatMap((w) => {
    const cond = readCondition(w);
    return cond ? [cond] : [];
  });
  const after = decodeCursor(body.after);
  const matching = entries
    .filter(([key]) => conditions.every((c) => matchesCondition(key, c)))
    .filter(([key]) => !after || compareTuples([key], after) > 0);
  const limit = pageLimit(body.limit);
  const page = matching.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(([key, item]) => ({ key, item })),
    cursor: matching.length > limit && last ? encodeCursor([last[0]]) : undefined,
  };
}
