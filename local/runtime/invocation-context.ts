import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlatformInstance } from './platform-instance';

/** Per-invocation state. Lives in AsyncLocalStorage so concurrent invocations never share identity. */
export interface InvocationStore {
  readonly platform: PlatformInstance;
  readonly invocationId: string;
  readonly moduleKey: string;
  readonly functionKey: string;
  /** The calling user (resolvers); absent for triggers, consumers and scheduled runs. */
  readonly accountId?: string;
  /** Epoch ms when the platform stops waiting for this invocation. */
  readonly deadline: number;
  /** Set once the invocation timed out: later platform calls from its still-running code fail, as in a frozen container. */
  expired: boolean;
}

const ALS_KEY = Symbol.for('agent-studio-relay.local-forge.als');
const REGISTRY_KEY = Symbol.for('agent-studio-relay.local-forge.instances');

type GlobalSlots = typeof globalThis & {
  [ALS_KEY]?: AsyncLocalStorage<InvocationStore>;
  [REGISTRY_KEY]?: Set<PlatformInstance>;
};
const slots = globalThis as GlobalSlots;

/** One store per realm (process, or jest test file), even if this module is loaded twice. */
export function invocationStorage(): AsyncLocalStorage<InvocationStore> {
  slots[ALS_KEY] ??= new AsyncLocalStorage<InvocationStore>();
  return slots[ALS_KEY];
}

export function currentInvocation(): InvocationStore | undefined {
  return invocationStorage().getStore();
}

export function openInstances(): Set<PlatformInstance> {
  slots[REGISTRY_KEY] ??= new Set<PlatformInstance>();
  return slots[REGISTRY_KEY];
}

/** The instance serving the current code: the invocation's own, else the only open one (test code outside invocations). */
export function currentPlatform(): PlatformInstance | undefined {
  const store = currentInvocation();
  if (store) return store.platform;
  const open = openInstances();
  return open.size === 1 ? [...open][0] : undefined;
}
