import type { AppManifest, EntityDef } from './manifest';
import type { KvsStore, StoredItem } from './kvs-store';
import { matchesFilters } from './kvs-conditions';
import { queryEntityIndex, queryKeys } from './kvs-entity-query';
import { KvsApiError, ttlMs, validateEntityValue, validateKey, validateValue } from './kvs-validation';
import { asArray, asRecord, asString, errorMessage, isRecord, type JsonRecord } from './narrow';

const VALUES = 'values';
const SECRETS = 'secrets';
const MAX_TRANSACTION_OPS = 25;
const MAX_BATCH_ITEMS = 25;

export interface KvsCounters {
  read(n: number): void;
  write(n: number): void;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const noContent = (): Response => new Response(null, { status: 204 });

function itemBody(key: string, item: StoredItem, entityName?: string): JsonRecord {
  return {
    key,
    ...(entityName ? { entityName } : {}),
    value: item.value,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ...(item.expireAt !== undefined ? { expireTime: new Date(item.expireAt).toISOString() } : {}),
  };
}

/** Answers @forge/kvs 1.6.5's `/api/v1/...` calls against the local store. */
export class KvsHandler {
  constructor(
    private readonly store: KvsStore,
    private readonly manifest: AppManifest,
    private readonly count: KvsCounters,
  ) {}

  handle(path: string, bodyText: string | undefined): Response {
    let body: unknown;
    try {
      body = bodyText ? JSON.parse(bodyText) : {};
    } catch {
      return json(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
    }
    try {
      return this.route(path.replace(/\?.*$/, ''), body);
    } catch (error) {
      if (error instanceof KvsApiError) return json(error.status, { code: error.code, message: error.message });
      return json(500, { code: 'INTERNAL_SERVER_ERROR', message: errorMessage(error) });
    }
  }

  private route(path: string, body: unknown): Response {
    const b = asRecord(body);
    switch (path) {
      case '/api/v1/get': return this.get(VALUES, b);
      case '/api/v1/set': return this.set(VALUES, b, b.value);
      case '/api/v1/delete': return this.delete(VALUES, b);
      case '/api/v1/secret/get': return this.get(SECRETS, b);
      case '/api/v1/secret/set': return this.set(SECRETS, b, b.value);
      case '/api/v1/secret/delete': return this.delete(SECRETS, b);
      case '/api/v1/entity/get': return this.get(this.entityNs(b.entityName), b);
      case '/api/v1/entity/set': return this.set(this.entityNs(b.entityName), b, validateEntityValue(this.entity(b.entityName), b.value));
      case '/api/v1/entity/delete': return this.delete(this.entityNs(b.entityName), b);
      case '/api/v1/query': return this.page(queryKeys(this.store.entries(VALUES), b));
      case '/api/v1/entity/query': {
        const entity = this.entity(b.entityName);
        return this.page(queryEntityIndex(entity, this.store.entries(this.entityNs(entity.name)), b));
      }
      case '/api/v1/batch/get': return this.batch(body, 'get');
      case '/api/v1/batch/set': return this.batch(body, 'set');
      case '/api/v1/batch/delete': return this.batch(body, 'delete');
      case '/api/v1/transaction': return this.transaction(b);
      default: return json(404, { code: 'NOT_FOUND', message: `Unknown KVS path ${path}` });
    }
  }

  private entity(name: unknown): EntityDef {
    const entity = this.manifest.entities.get(String(name));
    if (!entity) throw new KvsApiError(400, 'ENTITY_NOT_FOUND', `Entity ${String(name)} is not declared in manifest.yml app.storage.entities.`);
    return entity;
  }

  private entityNs(name: unknown): string {
    return `entity:${this.entity(name).name}`;
  }

  private get(ns: string, b: JsonRecord): Response {
    const key = validateKey(b.key);
    this.count.read(1);
    const item = this.store.get(ns, key);
    if (!item) return json(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
    return json(200, itemBody(key, item));
  }

  private set(ns: string, b: JsonRecord, value: unknown): Response {
    const key = validateKey(b.key);
    validateValue(value);
    const options = asRecord(b.options);
    const ttl = ttlMs(options);
    const previous = this.store.get(ns, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsApiError(409, 'KEY_ALREADY_EXISTS', 'Provided key already exists');
    }
    this.count.write(1);
    const latest = this.store.set(ns, key, value, ttl);
    if (options.returnValue === 'LATEST') return json(200, itemBody(key, latest));
    if (options.returnValue === 'PREVIOUS') return previous ? json(200, itemBody(key, previous)) : noContent();
    return noContent();
  }

  private delete(ns: string, b: JsonRecord): Response {
    const key = validateKey(b.key);
    this.count.write(1);
    this.store.delete(ns, key);
    return noContent();
  }

  private page(result: ReturnType<typeof queryKeys>): Response {
    this.count.read(Math.max(1, result.data.length));
    return json(200, {
      data: result.data.map(({ key, item }) => ({
        key,
        value: item.value,
        ...(item.expireAt !== undefined ? { expireTime: new Date(item.expireAt).toISOString() } : {}),
      })),
      ...(result.cursor ? { cursor: result.cursor } : {}),
    });
  }

  private batch(body: unknown, op: 'get' | 'set' | 'delete'): Response {
    const items = asArray(body).filter(isRecord);
    if (items.length > MAX_BATCH_ITEMS) {
      throw new KvsApiError(400, 'TOO_MANY_ITEMS', `A batch holds at most ${MAX_BATCH_ITEMS} items.`);
    }
    const successfulKeys: JsonRecord[] = [];
    const failedKeys: JsonRecord[] = [];
    for (const it of items) {
      const entityName = asString(it.entityName);
      const ref = { key: it.key, ...(entityName ? { entityName } : {}) };
      try {
        const ns = entityName ? this.entityNs(entityName) : VALUES;
        const key = validateKey(it.key);
        if (op === 'get') {
          this.count.read(1);
          const item = this.store.get(ns, key);
          if (!item) failedKeys.push({ ...ref, error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } });
          else successfulKeys.push(itemBody(key, item, entityName));
          continue;
        }
        if (op === 'set') {
          const value = entityName ? validateEntityValue(this.entity(entityName), it.value) : it.value;
          validateValue(value);
          const ttl = ttlMs(it.options);
          this.count.write(1);
          this.store.set(ns, key, value, ttl);
        } else {
          this.count.write(1);
          this.store.delete(ns, key);
        }
        successfulKeys.push(ref);
      } catch (error) {
        const code = error instanceof KvsApiError ? error.code : 'INTERNAL_SERVER_ERROR';
        failedKeys.push({ ...ref, error: { code, message: errorMessage(error) } });
      }
    }
    return json(200, { successfulKeys, failedKeys });
  }

  /** All-or-nothing: every op is validated and every condition checked before anything is written. */
  private transaction(b: JsonRecord): Response {
    const sets = asArray(b.set).filter(isRecord);
    const deletes = asArray(b.delete).filter(isRecord);
    const checks = asArray(b.check).filter(isRecord);
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsApiError(400, 'BAD_REQUEST', 'A transaction needs at least one operation.');
    if (total > MAX_TRANSACTION_OPS) {
      throw new KvsApiError(400, 'TOO_MANY_OPERATIONS', `A transaction holds at most ${MAX_TRANSACTION_OPS} operations (got ${total}).`);
    }
    const resolveOp = (op: JsonRecord): { ns: string; key: string } => ({
      ns: op.entityName !== undefined ? this.entityNs(op.entityName) : VALUES,
      key: validateKey(op.key),
    });
    const conditionHolds = (op: JsonRecord): boolean => {
      if (op.conditions === undefined) return true;
      const { ns, key } = resolveOp(op);
      const current = this.store.get(ns, key);
      return matchesFilters(current && isRecord(current.value) ? current.value : {}, op.conditions);
    };
    const plannedSets = sets.map((op) => {
      const target = resolveOp(op);
      const value = op.entityName !== undefined ? validateEntityValue(this.entity(op.entityName), op.value) : op.value;
      validateValue(value);
      return { ...target, value, ttl: ttlMs(op.options), op };
    });
    const plannedDeletes = deletes.map((op) => ({ ...resolveOp(op), op }));
    this.count.read(checks.length);
    const failed = [...checks, ...plannedSets.map((p) => p.op), ...plannedDeletes.map((p) => p.op)].find((op) => !conditionHolds(op));
    if (failed) {
      throw new KvsApiError(409, 'CONDITION_CHECK_FAILED', `Transaction condition failed for key ${String(failed.key)}`);
    }
    this.count.write(plannedSets.length + plannedDeletes.length);
    for (const p of plannedSets) this.store.set(p.ns, p.key, p.value, p.ttl);
    for (const p of plannedDeletes) this.store.delete(p.ns, p.key);
    return noContent();
  }
}
