/**
 * Starts the whole local platform: fake Jira site, Forge runtime running the app, sample listener and
 * the HTTP server (127.0.0.1 only), then seeds the first connection through the app's own resolver.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { LocalForge, LocalForgeOptions } from '../contracts';
import { createLocalForge } from '../runtime/create-local-forge';
import { createFakeJiraSite, type LocalJiraSite } from '../site/create-fake-jira-site';
import { createHttpApp } from './http-app';
import { createSampleListener, type SampleListener } from './sample-listener';
import { SeedRefusedError, seedFirstConnection, type SeedOutcome } from './seed-connection';

export interface StartLocalPlatformOptions {
  port?: number;
  dataDir: string;
  timeScale?: number;
  listener?: { url: string; token: string; rate?: number };
  log?: (line: string) => void;
  appRoot?: string;
  quiet?: boolean;
  /** Injected latency per remote call (KVS, Jira REST, listener egress), for benchmarks. Default 0. */
  latencyMs?: LocalForgeOptions['latencyMs'];
}

export interface LocalPlatform {
  url: string;
  forge: LocalForge;
  site: LocalJiraSite;
  /** The built-in sample listener (its URL, inbox and 503 switch). */
  sampleListener: SampleListener;
  /** What happened to the first connection at start. */
  seed: SeedOutcome;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function loopbackOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return LOOPBACK.has(u.hostname) ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, port: number): Promise<ServerType> {
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolveServer(server));
    server.once('error', reject);
  });
}

export async function startLocalPlatform(opts: StartLocalPlatformOptions): Promise<LocalPlatform> {
  const appRoot = resolve(opts.appRoot ?? resolve(__dirname, '..', '..'));
  const dataDir = resolve(opts.dataDir);
  const log = opts.log ?? (opts.quiet ? () => undefined : (line: string) => void process.stdout.write(`${line}\n`));
  await mkdir(dataDir, { recursive: true });

  // The site needs the runtime for its events and the runtime needs the site: tie the knot late.
  const late: { forge?: LocalForge } = {};
  const site = await createFakeJiraSite({
    dataDir,
    // Simulator changes reach the app's triggers exactly as Forge would deliver them.
    onEvent: (event) => (late.forge ? late.forge.dispatchEvent(event) : []),
  });
  const sampleListener = await createSampleListener(dataDir);
  const extraEgress = ['http://127.0.0.1', 'http://localhost'];
  const listenerOrigin = loopbackOrigin(opts.listener?.url);
  if (listenerOrigin && !extraEgress.includes(listenerOrigin)) extraEgress.push(listenerOrigin);
  const runningForge = await createLocalForge({ appRoot, dataDir, site, timeScale: opts.timeScale, latencyMs: opts.latencyMs, extraEgress, log });
  late.forge = runningForge;

  const app = createHttpApp({ forge: runningForge, site, listener: sampleListener, appRoot, log });
  let server: ServerType;
  try {
    server = await listen(app.fetch, opts.port ?? 0);
  } catch (err) {
    await runningForge.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const explicit = opts.listener;
  const sampleUrl = sampleListener.url(url);
  let seed: SeedOutcome;
  try {
    seed = await seedFirstConnection(runningForge, adminOf(site), {
      url: explicit?.url || sampleUrl,
      // A token only makes sense with its own URL: the sample listener accepts nothing but its own.
      token: explicit?.url && explicit.token ? explicit.token : sampleListener.token,
      rate: explicit?.rate ?? 5,
      explicitUrl: !!explicit?.url,
      explicitToken: !!explicit?.url && !!explicit.token,
      explicitRate: explicit?.rate !== undefined,
      samplePath: new URL(sampleUrl).pathname,
    });
  } catch (err) {
    if (err instanceof SeedRefusedError) {
      await closeServer(server);
      await runningForge.close();
      throw err;
    }
    seed = { action: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  if (seed.action === 'failed') log(`[server] could not seed the first connection: ${seed.message}`);

  const platform: LocalPlatform = {
    url,
    forge: runningForge,
    site,
    sampleListener,
    seed,
    async close() {
      await closeServer(server);
      await runningForge.close();
    },
  };
  return platform;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done());
    // Keep-alive sockets from browsers would hold close() open forever.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

function adminOf(site: LocalJiraSite) {
  const admin = site.users().find((u) => u.siteAdmin);
  if (!admin) throw new Error('fake site has no Jira admin to seed the first connection as');
  return admin;
}
