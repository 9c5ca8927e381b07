import { runInvocation } from './invoke';
import { handlerFor, memoryOf, type RuntimeContext } from './runtime-context';

const INTERVAL_MS: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/**
 * Start every scheduledTrigger on a timer (interval / timeScale). Timers are unref'd and do not count
 * for idle(): a recurring schedule would otherwise keep the platform busy forever. Returns a stopper.
 */
export function startScheduledTriggers(ctx: RuntimeContext): () => void {
  const timers = ctx.manifest.scheduledTriggers.map((st) => {
    const period = (INTERVAL_MS[st.interval] ?? INTERVAL_MS.hour) / ctx.timeScale;
    const timer = setInterval(() => {
      ctx.tracker.track(() =>
        runInvocation(
          {
            platform: ctx.platform,
            metrics: ctx.metrics,
            kind: 'scheduled',
            moduleKey: st.key,
            functionKey: st.functionKey,
            timeoutMs: (ctx.manifest.functions.get(st.functionKey)?.timeoutSeconds ?? 0) * 1000 || ctx.limits.consumerDefaultMs,
            memoryMB: memoryOf(ctx, st.functionKey),
            label: st.interval,
          },
          () => handlerFor(ctx, st.functionKey)(
            { context: { cloudId: ctx.platform.cloudId, moduleKey: st.key } },
            { installContext: ctx.platform.installContext },
          ),
        ),
      );
    }, Math.max(period, 10));
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
