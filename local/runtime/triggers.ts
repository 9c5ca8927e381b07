import type { ForgeProductEvent, TriggerInvocationReport } from '../contracts';
import type { TriggerDef } from './manifest';
import { runInvocation } from './invoke';
import { readRetryRequest } from './invocation-error';
import { handlerFor, memoryOf, type RuntimeContext } from './runtime-context';
import type { RetryContext } from './queue-engine';

const MAX_TRIGGER_RETRIES = 4;

/** Run every trigger subscribed to the event's type; resolves with the reports of the first invocations. */
export async function dispatchProductEvent(ctx: RuntimeContext, event: ForgeProductEvent): Promise<TriggerInvocationReport[]> {
  const subscribed = ctx.manifest.triggers.filter((t) => t.events.includes(event.eventType));
  const reports: TriggerInvocationReport[] = [];
  const runs: Array<Promise<void>> = [];
  for (const trigger of subscribed) {
    if (trigger.ignoreSelf && event.selfGenerated === true) {
      ctx.log(`[forge] trigger ${trigger.key}: ${event.eventType} dropped (filter.ignoreSelf, selfGenerated)`);
      continue;
    }
    ctx.tracker.hold();
    runs.push(
      runTrigger(ctx, trigger, event, undefined)
        .then((report) => {
          reports.push(report);
        })
        .finally(() => ctx.tracker.release()),
    );
  }
  await Promise.all(runs);
  return reports;
}

async function runTrigger(
  ctx: RuntimeContext,
  trigger: TriggerDef,
  event: ForgeProductEvent,
  retryContext: RetryContext | undefined,
): Promise<TriggerInvocationReport> {
  const report = await invokeTrigger(ctx, trigger, event, retryContext);
  ctx.onTriggerReport?.(report); // retries report here too: dispatchEvent only returns first invocations
  return report;
}

async function invokeTrigger(
  ctx: RuntimeContext,
  trigger: TriggerDef,
  event: ForgeProductEvent,
  retryContext: RetryContext | undefined,
): Promise<TriggerInvocationReport> {
  const retryCount = retryContext?.retryCount ?? 0;
  const payload = {
    ...event,
    ...(retryContext ? { retryContext } : {}),
    context: { cloudId: ctx.platform.cloudId, moduleKey: trigger.key },
  };
  const result = await runInvocation(
    {
      platform: ctx.platform,
      metrics: ctx.metrics,
      kind: 'trigger',
      moduleKey: trigger.key,
      functionKey: trigger.functionKey,
      timeoutMs: ctx.limits.triggerMs,
      memoryMB: memoryOf(ctx, trigger.functionKey),
      label: `${event.eventType} retry=${retryCount}`,
    },
    () => handlerFor(ctx, trigger.functionKey)(payload, { installContext: ctx.platform.installContext }),
  );
  const base = { moduleKey: trigger.key, functionKey: trigger.functionKey, retryCount, durationMs: result.durationMs };
  if (result.outcome !== 'returned') {
    // A thrown error or a timeout is a failed invocation; whether Forge retries it is unconfirmed, so we do not.
    return { ...base, outcome: result.outcome, error: result.error };
  }
  const retry = readRetryRequest(result.value);
  if (!retry) return { ...base, outcome: 'success' };
  if (retryCount >= MAX_TRIGGER_RETRIES) {
    ctx.log(`[forge] trigger ${trigger.key}: ${event.eventType} retries exhausted after ${MAX_TRIGGER_RETRIES}`);
    return { ...base, outcome: 'retries-exhausted' };
  }
  const next: RetryContext = { retryCount: retryCount + 1, retryReason: retry.retryReason, retryData: retry.retryData };
  ctx.tracker.schedule((retry.retryAfterSeconds * 1000) / ctx.timeScale, () => runTrigger(ctx, trigger, event, next));
  return { ...base, outcome: 'retry-scheduled' };
}
