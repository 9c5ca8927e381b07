import type { ConsumerDef } from './manifest';
import { runInvocation, type InvocationResult } from './invoke';
import type { QueuedEvent } from './queue-engine';
import { handlerFor, memoryOf, type RuntimeContext } from './runtime-context';

/** Invoke a queue consumer with one event, in either manifest form (plain function or resolver method). */
export function deliverToConsumer(ctx: RuntimeContext, consumer: ConsumerDef, event: QueuedEvent): Promise<InvocationResult> {
  const def = ctx.manifest.functions.get(consumer.functionKey);
  const asyncEvent = {
    body: event.body,
    queueName: event.queueName,
    jobId: event.jobId,
    eventId: event.eventId,
    ...(event.concurrency ? { concurrency: event.concurrency } : {}),
    ...(event.retryContext ? { retryContext: event.retryContext } : {}),
  };
  const runtimeArg = { installContext: ctx.platform.installContext };
  const handler = handlerFor(ctx, consumer.functionKey);
  const call = consumer.method
    ? () => handler(
        { call: { functionKey: consumer.method, payload: event.body, jobId: event.jobId },
          context: { ...asyncEvent, body: undefined, cloudId: ctx.platform.cloudId, moduleKey: consumer.key } },
        runtimeArg,
      )
    : () => handler(asyncEvent, runtimeArg);
  return runInvocation(
    {
      platform: ctx.platform,
      metrics: ctx.metrics,
      kind: 'consumer',
      moduleKey: consumer.key,
      functionKey: consumer.functionKey,
      timeoutMs: def?.timeoutSeconds !== undefined ? def.timeoutSeconds * 1000 : ctx.limits.consumerDefaultMs,
      memoryMB: memoryOf(ctx, consumer.functionKey),
      label: `event=${event.eventId} retry=${event.retryContext?.retryCount ?? 0}`,
    },
    call,
  );
}
