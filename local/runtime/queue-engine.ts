import { randomUUID } from 'node:crypto';
import type { ConsumerDef } from './manifest';
import type { TaskTracker } from './task-tracker';
import type { InvocationResult } from './invoke';
import { readRetryRequest } from './invocation-error';
import { asArray, asNumber, asRecord, asString, isRecord, type JsonRecord } from './narrow';

export interface RetryContext { retryCount: number; retryReason: string; retryData?: unknown }

export interface QueuedEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  body: JsonRecord;
  concurrency?: { key: string; limit: number };
  pushedAt: number;
  retryContext?: RetryContext;
}

export interface QueueEngineDeps {
  tracker: TaskTracker;
  timeScale: number;
  consumers: ConsumerDef[];
  log(line: string): void;
  countPushed(n: number): void;
  deliver(consumer: ConsumerDef, event: QueuedEvent): Promise<InvocationResult>;
}

// Documented limits (@forge/events validators.js and the Forge async events docs).
const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_KB = 200;
const MAX_EVENTS_PER_MINUTE = 500;
const MAX_DELAY_SECONDS = 900;
const MAX_RETRIES = 4;
const RETENTION_MS = 24 * 3600 * 1000;
const PLATFORM_RETRY_SECONDS = 60;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers Queue.push / getStats / cancel and delivers events to consumers with delays, concurrency keys and retries. */
export class QueueEngine {
  private readonly recentPushes: number[] = [];
  private readonly jobs = new Map<string, { success: number; inProgress: number; failed: number }>();
  private readonly cancelled = new Set<string>();
  private readonly slots = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(private readonly deps: QueueEngineDeps) {}

  handle(path: string, bodyText: string | undefined): Response {
    const body = asRecord(bodyText ? JSON.parse(bodyText) : {});
    if (path.startsWith('/webhook/queue/publish/')) return this.push(body, bodyText ?? '');
    const job = this.jobs.get(String(body.jobId));
    if (path.startsWith('/webhook/queue/stats/')) {
      return job ? json(200, job) : json(404, { message: 'Job not found' });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      if (!job) return json(404, { message: 'Job not found' });
      this.cancelled.add(String(body.jobId));
      return new Response(null, { status: 204 });
    }
    return json(404, { message: `Unknown queue path ${path}` });
  }

  private push(body: JsonRecord, raw: string): Response {
    const queueName = asString(body.queueName) ?? '';
    const jobId = asString(body.jobId) ?? randomUUID();
    const events = asArray(body.payload).filter(isRecord);
    if (events.length === 0 || events.length > MAX_EVENTS_PER_PUSH) {
      return json(400, { message: `A push holds 1 to ${MAX_EVENTS_PER_PUSH} events (got ${events.length}).` });
    }
    if (Buffer.byteLength(JSON.stringify(events)) / 1024 > MAX_PUSH_KB || Buffer.byteLength(raw) / 1024 > MAX_PUSH_KB * 2) {
      return json(413, { errorMessage: `The maximum payload size is ${MAX_PUSH_KB}KB.` });
    }
    for (const e of events) {
      const delay = asNumber(e.delayInSeconds) ?? 0;
      if (delay < 0 || delay > MAX_DELAY_SECONDS || !isRecord(e.body)) {
        return json(400, { message: 'Each event needs an object body and delayInSeconds between 0 and 900.' });
      }
    }
    const now = Date.now();
    // The per-minute limit is platform time too: under TIME_SCALE a minute passes N times faster.
    const window = this.scaled(60_000);
    while (this.recentPushes.length > 0 && (this.recentPushes[0] ?? now) <= now - window) this.recentPushes.shift();
    if (this.recentPushes.length + events.length > MAX_EVENTS_PER_MINUTE) {
      return json(429, { message: `More than ${MAX_EVENTS_PER_MINUTE} events pushed per minute for this installation.` });
    }
    for (let i = 0; i < events.length; i += 1) this.recentPushes.push(now);
    this.deps.countPushed(events.length);
    const consumer = this.deps.consumers.find((c) => c.queue === queueName);
    if (!consumer) this.deps.log(`[forge] queue ${queueName}: no consumer in manifest.yml; ${events.length} event(s) will never run`);
    this.jobs.set(jobId, { success: 0, inProgress: events.length, failed: 0 });
    for (const e of events) {
      const c = asRecord(e.concurrency);
      const key = asString(c.key);
      const limit = asNumber(c.limit);
      const event: QueuedEvent = {
        eventId: randomUUID(),
        jobId,
        queueName,
        body: asRecord(e.body),
        concurrency: key && limit ? { key, limit } : undefined,
        pushedAt: now,
      };
      if (consumer) this.deps.tracker.schedule(this.scaled((asNumber(e.delayInSeconds) ?? 0) * 1000), () => this.run(consumer, event));
    }
    return json(201, { jobId });
  }

  private scaled(ms: number): number {
    return ms / this.deps.timeScale;
  }

  private async run(consumer: ConsumerDef, event: QueuedEvent): Promise<void> {
    if (this.cancelled.has(event.jobId)) return this.finish(event, 'failed', 'job cancelled');
    if (Date.now() - event.pushedAt > this.scaled(RETENTION_MS)) return this.finish(event, 'failed', 'older than the 24 h retention window');
    await this.acquire(event);
    let result: InvocationResult;
    try {
      result = await this.deps.deliver(consumer, event);
    } finally {
      this.releaseSlot(event);
    }
    const retry = result.outcome === 'returned' ? readRetryRequest(result.value) : undefined;
    const platformRetry = result.outcome === 'timeout'
      ? { retryAfterSeconds: PLATFORM_RETRY_SECONDS, retryReason: 'FUNCTION_TIME_OUT', retryData: undefined }
      : undefined;
    const next = retry ?? platformRetry;
    if (result.outcome === 'returned' && !retry) return this.finish(event, 'success');
    if (result.outcome === 'error' || !next) return this.finish(event, 'failed', result.outcome === 'error' ? result.error : 'failed');
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > MAX_RETRIES) return this.finish(event, 'failed', `retries exhausted after ${MAX_RETRIES}`);
    this.deps.log(`[forge] queue ${event.queueName} event ${event.eventId}: retry ${retryCount} in ${next.retryAfterSeconds} s (${next.retryReason})`);
    const retried: QueuedEvent = { ...event, retryContext: { retryCount, retryReason: next.retryReason, retryData: next.retryData } };
    this.deps.tracker.schedule(this.scaled(next.retryAfterSeconds * 1000), () => this.run(consumer, retried));
  }

  private finish(event: QueuedEvent, state: 'success' | 'failed', reason?: string): void {
    const job = this.jobs.get(event.jobId);
    if (job) {
      job.inProgress -= 1;
      job[state] += 1;
    }
    if (state === 'failed') this.deps.log(`[forge] queue ${event.queueName} event ${event.eventId} dropped: ${reason ?? 'failed'}`);
  }

  /** Honour `concurrency: { key, limit }`: at most `limit` consumer invocations in flight per key. */
  private acquire(event: QueuedEvent): Promise<void> {
    if (!event.concurrency) return Promise.resolve();
    const { key, limit } = event.concurrency;
    const slot = this.slots.get(key) ?? { running: 0, waiting: [] };
    this.slots.set(key, slot);
    if (slot.running < limit) {
      slot.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => slot.waiting.push(resolve));
  }

  private releaseSlot(event: QueuedEvent): void {
    if (!event.concurrency) return;
    const slot = this.slots.get(event.concurrency.key);
    if (!slot) return;
    const next = slot.waiting.shift();
    if (next) next(); // hand the slot over without decrementing
    else slot.running -= 1;
  }
}
