import type { DeliveryRecord } from '../../src/core/delivery-record';
import type { RetryJob, RetryQueue } from '../../src/services/ports';
import { QueueRateLimitedError } from '../../src/services/queue-rate-limited';
import { scheduleHop } from '../../src/services/schedule-hop';
import { scheduleRetries } from '../../src/services/schedule-retries';

const job: RetryJob = { eventId: 'e', connectionId: 'c', host: 'h', hostParallel: 2, waitSeconds: 0, ageSeconds: 0, forAttempt: 1 };

function queue(refusal?: Error): RetryQueue & { pushed: RetryJob[] } {
  const pushed: RetryJob[] = [];
  return {
    pushed,
    push: (jobs) => {
      if (refusal) return Promise.reject(refusal);
      pushed.push(...jobs);
      return Promise.resolve();
    },
  };
}

describe('a consumer hop the queue refuses', () => {
  it('is pushed when the queue takes it', async () => {
    const q = queue();
    expect(await scheduleHop(q, job, true)).toEqual({ kind: 'done', result: 'waiting' });
    expect(q.pushed).toEqual([job]);
  });

  it('rides on a redelivery of the same queue event for a rate limit, over the same wait a push would give', async () => {
    const outcome = await scheduleHop(queue(new QueueRateLimitedError('Too many requests.')), { ...job, waitSeconds: 1_000 }, true);
    expect(outcome).toEqual({ kind: 'redeliver', retryAfterSeconds: 900, retryData: { job: { ...job, waitSeconds: 100 }, afterFailure: false } });
    const due = await scheduleHop(queue(new QueueRateLimitedError('Too many requests.')), job, true);
    expect(due).toMatchObject({ kind: 'redeliver', retryAfterSeconds: 1 });
  });

  it('is left to the caller for other refusals, and when Forge will not redeliver any more', async () => {
    await expect(scheduleHop(queue(new Error('413')), job, true)).rejects.toThrow('413');
    await expect(scheduleHop(queue(new QueueRateLimitedError('Too many requests.')), job, false)).rejects.toThrow(QueueRateLimitedError);
  });
});

describe('the trigger when the queue refuses its waiting deliveries', () => {
  const now = 1_000_000;
  const record = { eventId: 'e', connectionId: 'c', attempts: 0, state: 'retrying', detail: { attemptLog: [] } } as unknown as DeliveryRecord;
  const deps = (refusal: Error): Parameters<typeof scheduleRetries>[0] => ({
    queue: queue(refusal),
    deliveries: { get: () => Promise.resolve(undefined), getMany: () => Promise.resolve([]), putMany: () => Promise.resolve(), putNew: () => Promise.resolve(true) },
    clock: { now: () => now },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });

  it('comes back just before a booked slot when the queue is only busy, not after the failure schedule', async () => {
    const paced = { ...job, paced: true, notBefore: now + 7_400 };
    expect(await scheduleRetries(deps(new QueueRateLimitedError('Too many requests.')), [{ record, job: paced }], 0)).toEqual({
      retryAfterSeconds: 7,
      retryData: { pending: ['c'] },
    });
  });

  it('never comes back before a Retry-After', async () => {
    const rateLimited = { ...job, waitSeconds: 1, notBefore: now + 1_200 };
    expect(await scheduleRetries(deps(new QueueRateLimitedError('Too many requests.')), [{ record, job: rateLimited }], 0)).toMatchObject({ retryAfterSeconds: 2 });
  });

  it('keeps the failure schedule for other refusals', async () => {
    expect(await scheduleRetries(deps(new Error('413')), [{ record, job }], 0)).toMatchObject({ retryAfterSeconds: 15 });
  });
});
