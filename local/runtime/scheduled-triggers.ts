import type { ScheduledRunReport } from '../contracts';
import type { ScheduledTriggerDef } from './manifest';
import { runInvocation } from './invoke';
import { handlerFor, memoryOf, type RuntimeContext } from './runtime-context';

const INTERVAL_MS: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/** `runScheduledTrigger` was given a key that no `scheduledTrigger` module of the manifest has. */
export class UnknownScheduledTriggerError extends Error {
  constructor(readonly moduleKey: string) {
    super(`No scheduledTrigger module has key "${moduleKey}"`);
    this.name = 'UnknownScheduledTriggerError';
  }
}

/** One run of a scheduled trigger, exactly as its timer runs it: same payload, limits and accounting. */
async function runScheduled(ctx: RuntimeContext, st: ScheduledTriggerDef, label: string): Promise<ScheduledRunReport> {
  const result = await runInvocation(
    {
      platform: ctx.platform,
      metrics: ctx.metrics,
      kind: 'scheduled',
      moduleKey: st.key,
      functionKey: st.functionKey,
      timeoutMs: (ctx.manifest.functions.get(st.functionKey)?.timeoutSeconds ?? 0) * 1000 || ctx.limits.consumerDefaultMs,
      memoryMB: memoryOf(ctx, st.functionKey),
      label,
    },
    () => handlerFor(ctx, st.functionKey)(
      { context: { cloudId: ctx.platform.cloudId, moduleKey: st.key } },
      { installContext: ctx.platform.installContext },
    ),
  );
  // Forge does not retry scheduled triggers, so a returned InvocationError is just a finished run.
  return result.outcome === 'returned'
    ? { outcome: 'success', durationMs: result.durationMs }
    : { outcome: result.outcome, error: result.error, durationMs: result.durationMs };
}

/** Run a scheduled trigger now (tests, demos), counted as pending work so `idle()` waits for it. */
export async function runScheduledTriggerNow(ctx: RuntimeContext, moduleKey: string): Promise<ScheduledRunReport> {
  const st = ctx.manifest.scheduledTriggers.find((s) => s.key === moduleKey);
  if (!st) throw new UnknownScheduledTriggerError(moduleKey);
  ctx.tracker.hold();
  try {
    return await runScheduled(ctx, st, 'on demand');
  } finally {
    ctx.tracker.release();
  }
}

/**
 * Start every scheduledTrigger on a timer (interval / timeScale). Timers are unref'd and do not count
 * for idle(): a recurring schedule would otherwise keep the platform busy forever. Returns a stopper.
 */
export function startScheduledTriggers(ctx: RuntimeContext): () => void {
  const timers = ctx.manifest.scheduledTriggers.map((st) => {
    const period = (INTERVAL_MS[st.interval] ?? INTERVAL_MS.hour) / ctx.timeScale;
    const timer = setInterval(() => {
      ctx.tracker.track(() => runScheduled(ctx, st, st.interval));
    }, Math.max(period, 10));
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
