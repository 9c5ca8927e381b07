import { createHash, randomUUID } from 'node:crypto';
import type { FakeJiraSite } from '../contracts';
import { createEgressMatcher, egressDeniedError, externalWithExtraEgress, safeOrigin } from './egress';
import { bodyText, metaString } from './forge-globals';
import type { InvocationStore } from './invocation-context';
import { KvsHandler } from './kvs-handler';
import type { KvsStore } from './kvs-store';
import type { AppManifest } from './manifest';
import type { MetricsCounter } from './metrics';
import { errorMessage, sleep, type JsonRecord } from './narrow';
import type { ForgeFetchMeta, PlatformInstance } from './platform-instance';
import { handleProductRest } from './product-rest';
import type { QueueEngine } from './queue-engine';

export interface PlatformDeps {
  appRoot: string;
  manifest: AppManifest;
  site: FakeJiraSite;
  store: KvsStore;
  metrics: MetricsCounter;
  latencyMs: { kvs?: number; jira?: number; egress?: number };
  extraEgress: string[];
  log(line: string): void;
}

/** Stable per-site ids, so installContext and cloudId survive restarts like a real installation. */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One LocalForge's answer to the SDKs' platform calls (`__forge_fetch__` and egress checks). */
export class Platform implements PlatformInstance {
  readonly id = randomUUID();
  readonly manifest: AppManifest;
  readonly appRoot: string;
  readonly cloudId: string;
  readonly installContext: string;
  readonly environmentId: string;
  readonly installationId: string;
  readonly permissions: { scopes: string[]; external: JsonRecord };
  private readonly kvs: KvsHandler;
  private readonly egressAllowed: (url: string) => boolean;
  /** Set once the queue engine exists (it needs the runtime context, which needs this platform). */
  queue: QueueEngine | undefined;

  constructor(private readonly deps: PlatformDeps) {
    this.manifest = deps.manifest;
    this.appRoot = deps.appRoot;
    this.cloudId = stableUuid(`cloud:${deps.site.baseUrl}`);
    this.installContext = `ari:cloud:jira::site/${this.cloudId}`;
    this.environmentId = stableUuid(`env:${deps.manifest.appId}`);
    this.installationId = stableUuid(`installation:${deps.manifest.appId}:${deps.site.baseUrl}`);
    const external = externalWithExtraEgress(deps.manifest.external, deps.extraEgress);
    this.permissions = { scopes: deps.manifest.scopes, external };
    this.egressAllowed = createEgressMatcher(external);
    this.kvs = new KvsHandler(deps.store, deps.manifest, {
      read: (n) => deps.metrics.add('kvsReads', n),
      write: (n) => deps.metrics.add('kvsWrites', n),
    });
  }

  log(line: string): void {
    this.deps.log(line);
  }

  async handleForgeFetch(meta: ForgeFetchMeta, path: string, init: RequestInit | undefined, store: InvocationStore | undefined): Promise<Response> {
    const type = metaString(meta, 'type');
    const remote = metaString(meta, 'remote');
    if (type === 'kvs') {
      await this.delay(this.deps.latencyMs.kvs);
      return this.kvs.handle(path, bodyText(init));
    }
    if (type === 'fpp' && remote === 'jira') {
      this.deps.metrics.add('jiraRequests');
      await this.delay(this.deps.latencyMs.jira);
      return handleProductRest(this.deps.site, meta, path, init, store);
    }
    if (type === 'fpp' && remote === 'stargate' && path.startsWith('/webhook/queue/') && this.queue) {
      try {
        return this.queue.handle(path, bodyText(init));
      } catch (error) {
        return new Response(JSON.stringify({ message: errorMessage(error) }), { status: 400 });
      }
    }
    // Anything else (GraphQL, Confluence, remotes…) is not emulated: fail loudly rather than pretend.
    this.log(`[forge] unsupported platform call type=${type ?? '?'} remote=${remote ?? '?'} ${path.split('?')[0] ?? ''}`);
    return new Response(JSON.stringify({ message: `Local Forge does not emulate ${type ?? '?'}/${remote ?? '?'} ${path}` }), {
      status: 501,
      headers: { 'content-type': 'application/json' },
    });
  }

  async beforeEgress(url: string): Promise<void> {
    if (!this.egressAllowed(url)) {
      this.log(`[forge] egress denied (REQUEST_EGRESS_ALLOWLIST_ERR): ${safeOrigin(url)}`);
      throw egressDeniedError(url);
    }
    this.deps.metrics.add('egressRequests');
    await this.delay(this.deps.latencyMs.egress);
  }

  private async delay(ms: number | undefined): Promise<void> {
    if (ms && ms > 0) await sleep(ms);
  }
}
