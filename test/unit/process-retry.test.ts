import { DEFAULT_PAYLOAD, DEFAULT_SLA_SETTINGS, type RelayConfig, type StoredConnection } from '../../src/core/connection';
import type { DeliveryRecord } from '../../src/core/delivery-record';
import { Pacer } from '../../src/core/pacer';
import { ConfigBusyError } from '../../src/services/config-busy';
import { ConfigCache } from '../../src/services/config-cache';
import type { HttpRequest, HttpResult, RetryJob } from '../../src/services/ports';
import { processRetry, type RetryDeps } from '../../src/services/process-retry';
import { QueueRateLimitedError } from '../../src/services/queue-rate-limited';

const URL = 'https://api.moveworks.ai/webhooks/v1/listeners/6d0c6a55-0b1e-4f7a-9a43-5b8c2f1e7d90/notify';
const connection: StoredConnection = {
  id: 'c1',
  name: 'Agent Studio',
  url: URL,
  enabled: true,
  events: ['issue_created'],
  projects: { mode: 'all' },
  rateLimitPerSecond: 50,
  headers: [],
  payload: DEFAULT_PAYLOAD,
  conditions: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const config: RelayConfig = { version: 1, connections: [connection], optIns: {}, breakers: {}, sla: DEFAULT_SLA_SETTINGS };
const START = 1_800_000_000_000;

/** The consumer's collaborators in memory, on a clock that moves only when the consumer sleeps. */
function world(answers: HttpResult['outcome'][], options: { queueRefuses?: boolean; configBusy?: boolean; record?: Partial<DeliveryRecord>; stored?: RelayConfig } = {}) {
  let now = START;
  const records = new Map<string, DeliveryRecord>();
  const claims = new Set<string>();
  const pushed: RetryJob[] = [];
  const sent: HttpRequest[] = [];
  const saved: RelayConfig[] = [];
  // The configuration as stored now; the container's cache may hold an older copy (`config`).
  const stored = options.stored ?? config;
  let updates = 0;
  const warnings: string[] = [];
  const clock = { now: () => now };
  records.set('e1:c1', {
    eventId: 'e1',
    connectionId: 'c1',
    connectionName: 'Agent Studio',
    webhookEvent: 'jira:issue_created',
    issueKey: 'SUP-1',
    projectKey: 'SUP',
    state: 'retrying',
    createdAt: START,
    updatedAt: START,
    status: 0,
    attempts: 0,
    latencyMs: 0,
    detail: { attemptLog: [], request: { url: URL, headers: {}, body: '{"issue":"SUP-1"}' } },
    ...options.record,
  });
  const none = (): Promise<undefined> => Promise.resolve(undefined);
  const deps = {
    cache: new ConfigCache(
      { load: () => Promise.resolve(config) },
      { getToken: () => Promise.resolve('token-123456'), setToken: none, deleteToken: none, getSigningSecret: none, setSigningSecret: none, deleteSigningSecret: none },
      clock,
    ),
    configStore: {
      load: () => Promise.resolve(stored),
      update: async (change) => {
        updates += 1;
        // As when an admin's save holds the configuration's lock for longer than a writer waits.
        if (options.configBusy) throw new ConfigBusyError();
        const { config: next, result } = await change(stored);
        if (next) saved.push(next);
        return result;
      },
    },
    deliveries: {
      get: (eventId: string, connectionId: string) => Promise.resolve(records.get(`${eventId}:${connectionId}`)),
      getMany: () => Promise.resolve([...records.values()]),
      putMany: (list: readonly DeliveryRecord[]) => Promise.resolve(void list.forEach((r) => records.set(`${r.eventId}:${r.connectionId}`, r))),
      putNew: () => Promise.resolve(false),
      query: () => Promise.resolve({ records: [] }),
    },
    queue: {
      push: (jobs: readonly RetryJob[]) => (options.queueRefuses ? Promise.reject(new QueueRateLimitedError('Too many requests.')) : Promise.resolve(void pushed.push(...jobs))),
    },
    claims: {
      claim: (e: string, c: string, n: number) => Promise.resolve(!claims.has(`${e}:${c}:${n}`) && claims.add(`${e}:${c}:${n}`).size > 0),
      release: (e: string, c: string, n: number) => Promise.resolve(void claims.delete(`${e}:${c}:${n}`)),
    },
    pacer: new Pacer(),
    sleep: (ms: number) => Promise.resolve(void (now += ms)),
    http: {
      post: (request: HttpRequest): Promise<HttpResult> => {
        sent.push(request);
        now += 50;
        return Promise.resolve({ outcome: answers.shift() ?? { status: 200 }, latencyMs: 50 });
      },
    },
    jira: {} as RetryDeps['jira'],
    clock,
    random: () => 0.5,
    logger: { info: () => undefined, warn: (message: string) => void warnings.push(message), error: () => undefined },
    userAgent: 'test',
  } satisfies RetryDeps;
  return { deps, record: () => records.get('e1:c1'), pushed, sent, claims, saved, warnings, now: () => now, updates: () => updates };
}

const job: RetryJob = { eventId: 'e1', connectionId: 'c1', host: 'api.moveworks.ai', hostParallel: 48, waitSeconds: 0, ageSeconds: 0, forAttempt: 1 };
const input = (overrides: Partial<Parameters<typeof processRetry>[1]> = {}): Parameters<typeof processRetry>[1] => ({
  body: job,
  retryCount: 0,
  remainingMs: () => 55_000,
  ...overrides,
});

describe('processRetry', () => {
  it('waits out a short 429 in the same invocation instead of a push, no sooner than its Retry-After', async () => {
    const w = world([{ status: 429, retryAfterHeader: '1' }, { status: 200 }]);
    expect(await processRetry(w.deps, input())).toEqual({ kind: 'done', result: 'delivered' });
    expect(w.pushed).toEqual([]);
    expect(w.sent).toHaveLength(2);
    expect(w.record()).toMatchObject({ state: 'delivered', attempts: 2 });
    const [first, second] = w.record()?.detail.attemptLog ?? [];
    expect(Date.parse(second?.at ?? '') - Date.parse(first?.at ?? '')).toBeGreaterThanOrEqual(1_000);
  });

  it('rides on a redelivery of its own queue event when the queue refuses the next hop, and never repeats an attempt', async () => {
    const w = world([{ status: 503 }, { status: 200 }], { queueRefuses: true });
    const first = await processRetry(w.deps, input());
    expect(first).toMatchObject({ kind: 'redeliver', retryAfterSeconds: 5, retryData: { job: { forAttempt: 2 }, afterFailure: false } });
    if (first.kind !== 'redeliver') throw new Error('expected a redelivery');
    await w.deps.sleep(first.retryAfterSeconds * 1000);
    // Forge hands the same event back: the stale body, the job as it stands in retryData.
    expect(await processRetry(w.deps, input({ retryCount: 1, retryData: first.retryData }))).toEqual({ kind: 'done', result: 'delivered' });
    expect(w.sent).toHaveLength(2);
    expect(w.record()).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('after a failure that came once the attempt was saved, schedules the next attempt instead of sending again', async () => {
    const w = world([], { record: { attempts: 1, status: 503, detail: { attemptLog: [], request: { url: URL, headers: {}, body: '{}' }, nextAttemptAt: START + 5_000 } } });
    expect(await processRetry(w.deps, input({ retryCount: 1 }))).toEqual({ kind: 'done', result: 'waiting' });
    expect(w.sent).toEqual([]);
    expect(w.pushed).toMatchObject([{ forAttempt: 2, waitSeconds: 5 }]);
  });

  it('skips a job whose attempt another worker holds', async () => {
    const w = world([]);
    w.claims.add('e1:c1:1');
    expect(await processRetry(w.deps, input())).toEqual({ kind: 'done', result: 'skipped' });
    expect(w.sent).toEqual([]);
  });

  it('after its own failed run died holding the claim, makes the attempt again rather than leaving the delivery stuck', async () => {
    const w = world([{ status: 200 }]);
    w.claims.add('e1:c1:1');
    expect(await processRetry(w.deps, input({ retryCount: 1, retryData: { job, afterFailure: true } }))).toEqual({ kind: 'done', result: 'delivered' });
    expect(w.sent).toHaveLength(1);
    expect(w.record()).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('schedules the next attempt as usual when the breaker cannot be opened because the configuration is being saved', async () => {
    const failing = { attempts: 3, status: 503, detail: { attemptLog: [], request: { url: URL, headers: {}, body: '{}' } } };
    const free = world([{ status: 503 }], { record: failing });
    const busy = world([{ status: 503 }], { record: failing, configBusy: true });
    const fourth = input({ body: { ...job, forAttempt: 4 } });

    const outcome = await processRetry(free.deps, fourth);
    expect(free.saved).toMatchObject([{ breakers: { c1: { reason: expect.stringMatching(/503/) as string } } }]);
    expect(await processRetry(busy.deps, fourth)).toEqual(outcome);
    expect(busy.saved).toEqual([]);
    expect(busy.record()).toEqual(free.record());
    expect(busy.pushed).toEqual(free.pushed);
    expect(busy.pushed).toMatchObject([{ forAttempt: 5 }]);
    expect(busy.warnings).toEqual([expect.stringMatching(/breaker not opened/i) as string]);
  });

  it('does not queue for the configuration’s lock when another container already opened the breaker', async () => {
    const failing = { attempts: 3, status: 503, detail: { attemptLog: [], request: { url: URL, headers: {}, body: '{}' } } };
    const opened = { ...config, breakers: { c1: { openedAt: START, reason: 'the listener answered 503', probeAt: START + 300_000 } } };
    const w = world([{ status: 503 }], { record: failing, stored: opened });
    await processRetry(w.deps, input({ body: { ...job, forAttempt: 4 } }));
    expect(w.sent).toHaveLength(1);
    expect(w.updates()).toBe(0);
    expect(w.saved).toEqual([]);
    expect(w.pushed).toMatchObject([{ forAttempt: 5 }]);
  });

  it('ends the delivery visibly failed when the queue refuses on the last redelivery Forge gives', async () => {
    const w = world([], { queueRefuses: true });
    expect(await processRetry(w.deps, input({ body: { ...job, waitSeconds: 60 }, retryCount: 4 }))).toEqual({ kind: 'done', result: 'failed' });
    expect(w.record()).toMatchObject({ state: 'failed' });
  });
});
