import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from './narrow';

/** One stored value with the metadata the KVS API can return. */
export interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms; absent when no ttl was set. */
  expireAt?: number;
}

/** `values` (kvs.get/set), `secrets` (kvs.*Secret), `entity:<name>` (custom entities). */
export type Namespace = string;

const FLUSH_DELAY_MS = 50;

/**
 * In-memory KVS with one JSON file per namespace under dataDir. Writes are debounced and atomic
 * (temp file + rename) so a crash never leaves half a file; close() flushes.
 */
export class KvsStore {
  private readonly spaces = new Map<Namespace, Map<string, StoredItem>>();
  private readonly dirty = new Set<Namespace>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
  }

  private fileFor(ns: Namespace): string {
    return join(this.dataDir, `kvs-${ns.replace(/[^a-zA-Z0-9_.-]/g, '_')}.json`);
  }

  private space(ns: Namespace): Map<string, StoredItem> {
    let map = this.spaces.get(ns);
    if (!map) {
      map = this.loadSpace(ns);
      this.spaces.set(ns, map);
    }
    return map;
  }

  private loadSpace(ns: Namespace): Map<string, StoredItem> {
    const file = this.fileFor(ns);
    const map = new Map<string, StoredItem>();
    if (!existsSync(file)) return map;
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const [key, item] of Object.entries(isRecord(parsed) ? parsed : {})) {
      if (isRecord(item) && typeof item.createdAt === 'number' && typeof item.updatedAt === 'number') {
        map.set(key, {
          value: item.value,
          createdAt: item.createdAt,
          updatedAt: item.updatedAt,
          expireAt: typeof item.expireAt === 'number' ? item.expireAt : undefined,
        });
      }
    }
    return map;
  }

  /** The live item, or undefined when missing or expired (expired items are dropped lazily). */
  get(ns: Namespace, key: string, now = Date.now()): StoredItem | undefined {
    const map = this.space(ns);
    const item = map.get(key);
    if (item?.expireAt !== undefined && item.expireAt <= now) {
      map.delete(key);
      this.markDirty(ns);
      return undefined;
    }
    return item;
  }

  set(ns: Namespace, key: string, value: unknown, ttlMs: number | undefined, now = Date.now()): StoredItem {
    const previous = this.get(ns, key, now);
    const item: StoredItem = {
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      expireAt: ttlMs === undefined ? undefined : now + ttlMs,
    };
    this.space(ns).set(key, item);
    this.markDirty(ns);
    return item;
  }

  delete(ns: Namespace, key: string): boolean {
    const existed = this.get(ns, key) !== undefined;
    if (this.space(ns).delete(key)) this.markDirty(ns);
    return existed;
  }

  /** Live entries of a namespace, sorted by key. */
  entries(ns: Namespace, now = Date.now()): Array<[string, StoredItem]> {
    const out: Array<[string, StoredItem]> = [];
    for (const key of [...this.space(ns).keys()]) {
      const item = this.get(ns, key, now);
      if (item) out.push([key, item]);
    }
    return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private markDirty(ns: Namespace): void {
    this.dirty.add(ns);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, FLUSH_DELAY_MS);
    this.flushTimer.unref();
  }

  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const ns of this.dirty) {
      const file = this.fileFor(ns);
      const tmp = `${file}.${process.pid}.tmp`;
      // Owner-only: the secrets namespace holds real API keys when LISTENER_TOKEN is one.
      writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.space(ns))), { mode: 0o600 });
      renameSync(tmp, file);
    }
    this.dirty.clear();
  }
}
