import { resolve } from 'node:path';
import { currentInvocation, currentPlatform } from './invocation-context';
import { sdkMetrics } from './metrics';
import { asString, isRecord } from './narrow';
import type { ForgeFetchMeta, PlatformInstance } from './platform-instance';
import { fetchTargetUrl } from './egress';

const INSTALLED = Symbol.for('agent-studio-relay.local-forge.globals-installed');

type ForgeGlobals = typeof globalThis & {
  [INSTALLED]?: boolean;
  __forge_fetch__?: (meta: ForgeFetchMeta, path: string, init?: RequestInit) => Promise<Response>;
  __forge_runtime__?: object;
};

function requirePlatform(): PlatformInstance {
  const platform = currentPlatform();
  if (!platform) {
    throw new Error('Forge platform call outside an invocation while zero or several LocalForge instances are open');
  }
  return platform;
}

/** `global.__forge_runtime__`: getters so every read sees the calling invocation's own ALS store. */
function createRuntimeObject(): object {
  return {
    get appContext() {
      const platform = requirePlatform();
      const store = currentInvocation();
      return {
        appId: platform.manifest.appId,
        appVersion: '1.0.0',
        environmentId: platform.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: store?.invocationId,
        installationId: platform.installationId,
        moduleKey: store?.moduleKey,
        license: undefined,
        installation: undefined,
        permissions: platform.permissions,
      };
    },
    get aaid() {
      return currentInvocation()?.accountId;
    },
    get contextAri() {
      return currentPlatform()?.installContext;
    },
    lambdaContext: {
      getRemainingTimeInMillis: (): number => {
        const store = currentInvocation();
        return store ? Math.max(0, store.deadline - Date.now()) : 0;
      },
    },
    get container() {
      const platform = currentPlatform();
      return { appCodeDir: platform ? resolve(platform.appRoot) : undefined };
    },
    get tracing() {
      const id = currentInvocation()?.invocationId.replace(/-/g, '') ?? '0'.repeat(32);
      return { traceId: id, spanId: id.slice(0, 16) };
    },
    metrics: sdkMetrics,
    externalAuth: [],
    // Left undefined on purpose: @forge/kvs then calls __forge_fetch__({ type: 'kvs', … }) directly.
    kvs: undefined,
    proxy: undefined,
  };
}

async function forgeFetch(meta: ForgeFetchMeta, path: string, init?: RequestInit): Promise<Response> {
  const store = currentInvocation();
  if (store?.expired) throw new Error(`Invocation ${store.invocationId} has timed out; platform call to ${path} refused`);
  return requirePlatform().handleForgeFetch(meta, path, init, store);
}

/**
 * Install the SDK hooks ONCE per realm. Call before any @forge/api import: @forge/api captures
 * `globalThis.fetch` when it loads, so the egress-checking wrapper must already be in place.
 */
export function installForgeGlobals(): void {
  const g = globalThis as ForgeGlobals;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  g.__forge_fetch__ = forgeFetch;
  g.__forge_runtime__ = createRuntimeObject();
  const originalFetch = globalThis.fetch.bind(globalThis);
  const checkedFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const store = currentInvocation();
    // Only app code (inside an invocation) is subject to egress rules; tests and the server are not.
    if (store) {
      if (store.expired) throw new Error(`Invocation ${store.invocationId} has timed out; fetch refused`);
      await store.platform.beforeEgress(fetchTargetUrl(input));
    }
    return originalFetch(input, init);
  };
  globalThis.fetch = checkedFetch;
}

/** Headers of a RequestInit as a plain record (lower-case names). */
export function headersRecord(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** A RequestInit body as text (the SDKs always send strings). */
export function bodyText(init: RequestInit | undefined): string | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // Blobs, FormData and streams cannot be read synchronously; the SDKs never send them to the platform.
  throw new Error('Local Forge platform calls support string, URLSearchParams and byte bodies only');
}

export function metaString(meta: ForgeFetchMeta, name: string): string | undefined {
  return isRecord(meta) ? asString(meta[name]) : undefined;
}
