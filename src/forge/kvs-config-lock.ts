import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { ConfigBusyError } from '../services/config-busy';
import type { Logger } from '../services/ports';
import { CONFIG_KEY } from './kvs-config-source';
import { isAlreadyExists } from './kvs-errors';

export const CONFIG_LOCK_KEY = `${CONFIG_KEY}:lock`;

/**
 * A resolver is stopped after 25 s, so its hold ends (or dies) within this; a writer that died blocks
 * saves for at most this long. The 55 s consumer and scheduled functions hold it only for one read, their
 * decision and one write (the breaker probes its listeners before taking it).
 */
const TTL_SECONDS = 30;
/** How long a writer waits for a held lock before it answers "busy": a few seconds of a resolver's 25. */
const WAIT_MS = 5_000;
/** Waits between tries are jittered, so writers that collided do not collide again in step. */
const RETRY_MIN_MS = 50;
const RETRY_SPREAD_MS = 100;
/**
 * Ours only while less than this share of the TTL has passed since we asked for it: the rest covers the
 * trips of our set (its TTL may start when KVS receives it) and of our last write or delete.
 */
const SAFE_SHARE_OF_TTL = 0.8;

/** Handed to the work done under the lock. */
export interface ConfigLease {
  /** False once the lock may have expired, when another writer may hold it. */
  held(): boolean;
}

/**
 * One writer at a time for the configuration key. Forge KVS has no conditional set on a plain key:
 * the conditions of a transaction apply to custom entities only (`EntityConditions` in
 * node_modules/@forge/kvs/out/interfaces/transaction.d.ts), so a read-modify-write of `config:relay`
 * cannot say "only if unchanged". `keyPolicy: 'FAIL_IF_EXISTS'` is the one write that fails when another
 * got there first, hence a lock key, with a TTL so that a writer that died does not block saves for good.
 */
export class KvsConfigLock {
  private readonly ttlSeconds: number;
  private readonly waitMs: number;

  constructor(
    private readonly logger: Logger,
    options: { ttlSeconds?: number; waitMs?: number } = {},
  ) {
    this.ttlSeconds = options.ttlSeconds ?? TTL_SECONDS;
    this.waitMs = options.waitMs ?? WAIT_MS;
  }

  /** Runs `work` holding the lock; throws ConfigBusyError when another writer keeps it past `waitMs`. */
  async hold<T>(waitMs: number | undefined, work: (lease: ConfigLease) => Promise<T>): Promise<T> {
    // The value only names the holder, for whoever reads the key while investigating: ownership is
    // known from the time, since nobody else can create the key until ours expires.
    const owner = randomUUID();
    const askedAt = await this.acquire(owner, waitMs ?? this.waitMs);
    const lease: ConfigLease = { held: () => Date.now() - askedAt < this.ttlSeconds * 1000 * SAFE_SHARE_OF_TTL };
    try {
      return await work(lease);
    } finally {
      await this.release(lease, owner);
    }
  }

  /** When we asked for the lock we got: its TTL runs from no earlier than that. */
  private async acquire(owner: string, waitMs: number): Promise<number> {
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const askedAt = Date.now();
      try {
        await kvs.set(CONFIG_LOCK_KEY, owner, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: this.ttlSeconds, unit: 'SECONDS' } });
        return askedAt;
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
      if (Date.now() >= giveUpAt) throw new ConfigBusyError();
      await sleep(RETRY_MIN_MS + Math.random() * RETRY_SPREAD_MS);
    }
  }

  private async release(lease: ConfigLease, owner: string): Promise<void> {
    // Held too long, the key may have expired and been taken by another writer: deleting theirs would let
    // a third in beside them. Ours expires by itself.
    if (!lease.held()) {
      this.logger.warn('Configuration lock held past its safe time: left to expire', { owner });
      return;
    }
    try {
      await kvs.delete(CONFIG_LOCK_KEY);
    } catch (error) {
      // The change is already saved (or refused); a lock left behind only delays the next writer until its TTL.
      this.logger.warn('Configuration lock not released: it expires by itself', { owner, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
