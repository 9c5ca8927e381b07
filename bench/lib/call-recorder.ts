/**
 * Records every remote call the app makes inside an invocation: KVS, product REST and queue pushes
 * (all through `global.__forge_fetch__`) and outbound HTTP (global `fetch`, which the local platform
 * wraps with its egress check and injected latency). Each call is kept as an interval with the id of the
 * invocation that made it, read from the local platform's AsyncLocalStorage.
 *
 * Install it AFTER the local platform's globals (importing `local/`) and BEFORE the app is loaded
 * (`startLocalPlatform`): @forge/api captures `globalThis.fetch` when it is first imported.
 */
import { performance } from 'node:perf_hooks';
import { currentInvocation } from '../../local/runtime/invocation-context';

export type RemoteKind = 'kvs' | 'jira' | 'queue' | 'egress' | 'other';

export interface RemoteCall {
  invocationId: string;
  moduleKey: string;
  kind: RemoteKind;
  start: number;
  end: number;
}

type ForgeFetch = (meta: unknown, path: string, init?: RequestInit) => Promise<Response>;
type Globals = typeof globalThis & { __forge_fetch__?: ForgeFetch };

export interface CallRecorder {
  readonly calls: RemoteCall[];
  /** Calls grouped by invocation, only for invocations of `moduleKey` that started at or after `sinceMs`. */
  byInvocation(moduleKey: string, sinceMs: number): Map<string, RemoteCall[]>;
}

function kindOf(meta: unknown): RemoteKind {
  if (typeof meta !== 'object' || meta === null) return 'other';
  const record = meta as Record<string, unknown>;
  if (record.type === 'kvs') return 'kvs';
  if (record.type === 'fpp' && record.remote === 'jira') return 'jira';
  if (record.type === 'fpp' && record.remote === 'stargate') return 'queue';
  return 'other';
}

export function installCallRecorder(): CallRecorder {
  const g = globalThis as Globals;
  const forgeFetch = g.__forge_fetch__;
  if (!forgeFetch) throw new Error('Import the local platform before installing the call recorder');
  const calls: RemoteCall[] = [];

  const timed = async <T>(kind: RemoteKind, run: () => Promise<T>): Promise<T> => {
    const store = currentInvocation();
    const start = performance.now();
    try {
      return await run();
    } finally {
      if (store) calls.push({ invocationId: store.invocationId, moduleKey: store.moduleKey, kind, start, end: performance.now() });
    }
  };

  g.__forge_fetch__ = (meta, path, init) => timed(kindOf(meta), () => forgeFetch(meta, path, init));
  const platformFetch = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    timed('egress', async () => {
      const response = await platformFetch(input, init);
      // The call ends when its body has arrived, not at the status line: buffer it and hand back a copy.
      const body = await response.arrayBuffer();
      return new Response(body.byteLength > 0 ? body : null, { status: response.status, statusText: response.statusText, headers: response.headers });
    });

  return {
    calls,
    byInvocation(moduleKey, sinceMs) {
      const out = new Map<string, RemoteCall[]>();
      const first = new Map<string, number>();
      for (const call of calls) {
        if (call.moduleKey !== moduleKey) continue;
        first.set(call.invocationId, Math.min(first.get(call.invocationId) ?? call.start, call.start));
        const list = out.get(call.invocationId) ?? [];
        list.push(call);
        out.set(call.invocationId, list);
      }
      for (const [id, start] of first) if (start < sinceMs) out.delete(id);
      return out;
    },
  };
}

/**
 * Round trips on the path = the longest chain of calls where each starts only after the previous one
 * ended (calls that overlap ran in parallel and cost one round trip together). Interval-graph longest
 * path: sort by end, chain[i] = 1 + max chain[j] over calls j that ended before call i started.
 */
export function sequentialRoundTrips(calls: readonly RemoteCall[]): number {
  const sorted = [...calls].sort((a, b) => a.end - b.end);
  const chain: number[] = [];
  let best = 0;
  sorted.forEach((call, i) => {
    let longest = 0;
    for (let j = 0; j < i; j += 1) {
      if (sorted[j].end <= call.start) longest = Math.max(longest, chain[j]);
    }
    chain[i] = longest + 1;
    best = Math.max(best, chain[i]);
  });
  return best;
}
