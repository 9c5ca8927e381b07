import type { LocalForge, LocalForgeOptions, TriggerInvocationReport } from '../contracts';
// Installed before anything loads @forge/api, which captures globalThis.fetch at import time.
import { installForgeGlobals } from './forge-globals';
import { routeAppConsole } from './app-console';
import { loadAppHandlers } from './app-loader';
import { deliverToConsumer } from './consumers';
import { openInstances } from './invocation-context';
import { KvsStore } from './kvs-store';
import { loadManifest } from './manifest';
import { MetricsCounter } from './metrics';
import { errorMessage } from './narrow';
import { Platform } from './platform';
import { QueueEngine } from './queue-engine';
import { invokeResolverFunction, listResolverFunctions } from './resolvers';
import type { InvocationLimits, RuntimeContext } from './runtime-context';
import { runScheduledTriggerNow, startScheduledTriggers } from './scheduled-triggers';
import { TaskTracker } from './task-tracker';
import { dispatchProductEvent } from './triggers';

installForgeGlobals();

/** Knobs beyond the shared contract, for tests and the simulator (not part of local/contracts.ts). */
export interface LocalForgeRuntimeOptions extends LocalForgeOptions {
  /** Override Forge's invocation time limits (ms), e.g. to test the 25 s timeout quickly. */
  limits?: Partial<InvocationLimits>;
  /** Run `scheduledTrigger` modules on timers. Default true. */
  scheduledTriggers?: boolean;
  /** Called for every trigger invocation, retries included. */
  onTriggerReport?: (report: TriggerInvocationReport) => void;
}

const DEFAULT_LIMITS: InvocationLimits = { triggerMs: 25_000, resolverMs: 25_000, consumerDefaultMs: 55_000 };

/** Start a local Forge platform for the app at `options.appRoot`, running the real @forge/* SDKs. */
export function createLocalForge(options: LocalForgeRuntimeOptions): Promise<LocalForge> {
  // Startup errors (bad manifest, missing handler) surface as a rejected promise, not a synchronous throw.
  return Promise.resolve().then(() => start(options));
}

function start(options: LocalForgeRuntimeOptions): LocalForge {
  installForgeGlobals();
  routeAppConsole();
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const manifest = loadManifest(options.appRoot);
  const metrics = new MetricsCounter();
  const store = new KvsStore(options.dataDir);
  const tracker = new TaskTracker((error) => log(`[forge] platform task failed: ${errorMessage(error)}`));
  const platform = new Platform({
    appRoot: options.appRoot,
    manifest,
    site: options.site,
    store,
    metrics,
    latencyMs: options.latencyMs ?? {},
    extraEgress: options.extraEgress ?? [],
    log,
  });
  const handlers = loadAppHandlers(options.appRoot, manifest);
  const ctx: RuntimeContext = {
    platform,
    manifest,
    handlers,
    metrics,
    tracker,
    timeScale: options.timeScale && options.timeScale > 0 ? options.timeScale : 1,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    site: options.site,
    log,
    onTriggerReport: options.onTriggerReport,
  };
  platform.queue = new QueueEngine({
    tracker,
    timeScale: ctx.timeScale,
    consumers: manifest.consumers,
    log,
    countPushed: (n) => metrics.add('queuePushes', n),
    deliver: (consumer, event) => deliverToConsumer(ctx, consumer, event),
  });
  openInstances().add(platform);
  const stopSchedules = options.scheduledTriggers === false ? () => undefined : startScheduledTriggers(ctx);
  log(`[forge] local platform up: ${manifest.triggers.length} trigger(s), ${manifest.consumers.length} consumer(s), ` +
    `${manifest.resolverModules.length} resolver module(s), timeScale=${ctx.timeScale}`);
  let closed = false;
  return {
    dispatchEvent: (event) => dispatchProductEvent(ctx, event),
    invokeResolver: (req) => invokeResolverFunction(ctx, req),
    resolverFunctions: () => listResolverFunctions(ctx),
    runScheduledTrigger: (moduleKey) => runScheduledTriggerNow(ctx, moduleKey),
    metrics: () => metrics.snapshot(),
    idle: (timeoutMs = 30_000) => tracker.idle(timeoutMs),
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      stopSchedules();
      tracker.close();
      store.flush();
      openInstances().delete(platform);
      log('[forge] local platform closed');
      return Promise.resolve();
    },
  };
}
