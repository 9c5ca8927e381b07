import type { FakeJiraSite, TriggerInvocationReport } from '../contracts';
import type { AppHandler } from './app-loader';
import type { AppManifest } from './manifest';
import type { MetricsCounter } from './metrics';
import type { PlatformInstance } from './platform-instance';
import type { TaskTracker } from './task-tracker';

/** Invocation time limits in ms (Forge: 25 s triggers/resolvers, 55 s default for consumers). */
export interface InvocationLimits {
  triggerMs: number;
  resolverMs: number;
  consumerDefaultMs: number;
}

/** What the trigger, resolver, consumer and scheduled-trigger runners share within one LocalForge. */
export interface RuntimeContext {
  platform: PlatformInstance;
  manifest: AppManifest;
  handlers: Map<string, AppHandler>;
  metrics: MetricsCounter;
  tracker: TaskTracker;
  timeScale: number;
  limits: InvocationLimits;
  site: FakeJiraSite;
  log(line: string): void;
  /** Every trigger invocation's report, retries included. */
  onTriggerReport?: (report: TriggerInvocationReport) => void;
}

export function handlerFor(ctx: RuntimeContext, functionKey: string): AppHandler {
  const handler = ctx.handlers.get(functionKey);
  if (!handler) throw new Error(`No handler loaded for function ${functionKey}`);
  return handler;
}

export function memoryOf(ctx: RuntimeContext, functionKey: string): number {
  return ctx.manifest.functions.get(functionKey)?.memoryMB ?? 512;
}
