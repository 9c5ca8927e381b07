import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeJiraSite, JiraRestRequest, JiraRestResponse, LocalForge, TriggerInvocationReport } from '../../local/contracts';
import { createLocalForge, type LocalForgeRuntimeOptions } from '../../local/runtime/create-local-forge';

const APP_ROOT = join(__dirname, '..', 'fixtures', 'mini-app');
const BROKEN_APP_ROOT = join(__dirname, '..', 'fixtures', 'mini-app-broken');
const ADMIN = 'mini-admin-page';

/** Answers `/rest/api/3/myself` as whoever the call runs as, after a random delay to interleave concurrent calls. */
class FakeJiraSiteForTest implements FakeJiraSite {
  readonly baseUrl = 'https://mini.atlassian.net';
  readonly requests: JiraRestRequest[] = [];
  users() {
    return [];
  }
  async handleRest(req: JiraRestRequest): Promise<JiraRestResponse> {
    this.requests.push(req);
    await new Promise((r) => setTimeout(r, Math.random() * 20));
    if (req.as.kind !== 'user') return { status: 403, body: JSON.stringify({ errorMessages: ['app has no user'] }) };
    return { status: 200, body: JSON.stringify({ accountId: req.as.accountId }) };
  }
}

let dataDir: string;
let site: FakeJiraSiteForTest;
let forge: LocalForge | undefined;
let logs: string[];
let reports: TriggerInvocationReport[];

async function start(extra: Partial<LocalForgeRuntimeOptions> = {}): Promise<LocalForge> {
  forge = await createLocalForge({
    appRoot: APP_ROOT,
    dataDir,
    site,
    timeScale: 1000,
    extraEgress: ['http://127.0.0.1'],
    log: (line) => logs.push(line),
    onTriggerReport: (r) => reports.push(r),
    ...extra,
  });
  return forge;
}

function call(f: LocalForge, functionKey: string, payload: unknown = {}, accountId = 'user-1'): Promise<Record<string, unknown>> {
  return f.invokeResolver({ moduleKey: ADMIN, functionKey, payload, accountId }) as Promise<Record<string, unknown>>;
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-runtime-'));
  site = new FakeJiraSiteForTest();
  logs = [];
  reports = [];
});

afterEach(async () => {
  await forge?.close();
  forge = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startup', () => {
  it('lists resolver function names observed on the real Resolver', async () => {
    const f = await start();
    expect(f.resolverFunctions()[ADMIN]).toEqual(expect.arrayContaining(['kvsScenario', 'whoami', 'canFetch', 'push']));
  });

  it('refuses to start when the manifest names a handler that does not exist', async () => {
    await expect(createLocalForge({ appRoot: BROKEN_APP_ROOT, dataDir, site, log: () => undefined }))
      .rejects.toThrow(/index\.doesNotExist.*no exported function "doesNotExist"/);
  });
});

describe('KVS', () => {
  it('round-trips values and secrets, queries by prefix with a cursor, and persists across restarts', async () => {
    const f = await start();
    const r = await call(f, 'kvsScenario', { prefix: 'conn' });
    expect(r).toEqual({
      value: { n: 1 },
      deleted: null,
      secret: 'top-secret-token',
      queryKeys: ['conn:a', 'conn:b'], // the secret under the same prefix is never returned by a query
      firstPageKeys: ['conn:a'],
      secondPageKeys: ['conn:b'],
      hasCursor: true,
    });
    expect(logs.join('\n')).not.toContain('top-secret-token');
    await f.close();
    const again = await start();
    expect(await call(again, 'kvsGet', { key: 'conn:a' })).toEqual({ value: { n: 1 } });
    expect(await call(again, 'secretGet', { key: 'conn:secret' })).toEqual({ value: 'top-secret-token' });
  });

  it('expires values after their ttl', async () => {
    const f = await start();
    expect(await call(f, 'kvsSetTtl', { key: 'short' })).toEqual({ value: 'short-lived' });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await call(f, 'kvsGet', { key: 'short' })).toEqual({ value: null });
  });

  it('enforces key pattern, key length, value size and transaction size with Forge error codes', async () => {
    const f = await start();
    expect(await f.invokeResolver({ moduleKey: ADMIN, functionKey: 'kvsErrors', accountId: 'u' }))
      .toEqual(['INVALID_KEY', 'KEY_TOO_LONG', 'MAX_SIZE', 'TOO_MANY_OPERATIONS']);
  });

  it('queries custom entity indexes by partition, range and sort, and batch-gets entities', async () => {
    const f = await start();
    expect(await call(f, 'entityScenario')).toEqual({
      newestFirst: ['d5', 'd2', 'd3', 'd1'],
      ranged: ['d3', 'd2'],
      batchOk: ['d1'],
      batchFailed: ['nope'],
    });
  });
});

describe('several instances', () => {
  it('keeps the state of two concurrently open instances apart', async () => {
    const a = await start();
    const otherDir = mkdtempSync(join(tmpdir(), 'local-runtime-b-'));
    const b = await createLocalForge({ appRoot: APP_ROOT, dataDir: otherDir, site, log: () => undefined });
    try {
      await Promise.all([call(a, 'kvsScenario', { prefix: 'only-a' }), call(b, 'kvsGet', { key: 'x' })]);
      expect(await call(b, 'kvsGet', { key: 'only-a:a' })).toEqual({ value: null });
      expect(await call(a, 'kvsGet', { key: 'only-a:a' })).toEqual({ value: { n: 1 } });
      expect(b.metrics().kvsWrites).toBe(0);
    } finally {
      await b.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('identity', () => {
  it('gives each concurrent resolver invocation its own caller for asUser()', async () => {
    const f = await start();
    const ids = Array.from({ length: 12 }, (_, i) => `user-${i}`);
    const results = await Promise.all(ids.map((id) => call(f, 'whoami', {}, id)));
    results.forEach((r, i) => {
      expect(r).toEqual({ status: 200, siteSaw: ids[i], contextAccountId: ids[i], moduleKey: ADMIN });
    });
  });

  it('answers asUser() without a caller (a trigger) with 401, and passes cloudId/moduleKey context', async () => {
    const f = await start();
    const out = await f.dispatchEvent({ eventType: 'avi:jira:created:issue', issue: { key: 'MINI-1' } });
    expect(out).toEqual([expect.objectContaining({ moduleKey: 'issue-trigger', outcome: 'success', retryCount: 0 })]);
    const seen = (await call(f, 'kvsGet', { key: 'seen:MINI-1' })).value as Record<string, unknown>;
    expect(seen.asUserStatus).toBe(401);
    const context = seen.context as Record<string, unknown>;
    expect(Object.keys(context).sort()).toEqual(['cloudId', 'moduleKey']);
    expect(context.moduleKey).toBe('issue-trigger');
    expect(context.cloudId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.installContext).toMatch(/^ari:cloud:jira::site\//);
  });

  it('drops self-generated events when the trigger has filter.ignoreSelf', async () => {
    const f = await start();
    expect(await f.dispatchEvent({ eventType: 'avi:jira:created:issue', selfGenerated: true, issue: { key: 'MINI-2' } })).toEqual([]);
  });
});

describe('egress', () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.end('listener-ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('agrees with permissions.canFetchFrom: manifest hosts, wildcards and loopback extraEgress', async () => {
    const f = await start();
    const can = async (url: string): Promise<unknown> => (await call(f, 'canFetch', { url })).allowed;
    expect(await can(`http://127.0.0.1:${port}/x`)).toBe(true);
    expect(await can('https://api.example.com/v1')).toBe(true);
    expect(await can('https://eu.allowed.example/hook')).toBe(true);
    expect(await can('https://evil.example.com/x')).toBe(false);
    expect(await can('http://api.example.com/v1')).toBe(false); // protocol matters
  });

  it('lets app fetch reach allowed origins and rejects others with REQUEST_EGRESS_ALLOWLIST_ERR', async () => {
    const f = await start();
    expect(await call(f, 'fetchUrl', { url: `http://127.0.0.1:${port}/hook` })).toEqual({ status: 200, text: 'listener-ok' });
    const denied = await call(f, 'fetchUrl', { url: `http://localhost:${port}/hook?token=abc` });
    expect(denied.name).toBe('REQUEST_EGRESS_ALLOWLIST_ERR');
    expect(denied.error).toContain('REQUEST_EGRESS_ALLOWLIST_ERR');
    expect(denied.error).toContain(`localhost:${port}`);
    expect(denied.error).not.toContain('token=abc');
    expect(logs.join('\n')).not.toContain('secret-body');
    // Outside an invocation (test code, the server) fetch is unrestricted.
    expect((await fetch(`http://localhost:${port}/direct`)).status).toBe(200);
    expect(f.metrics().egressRequests).toBe(1);
  });
});

describe('triggers', () => {
  it('retries a returned InvocationError with retryContext, at most 4 times', async () => {
    const f = await start();
    const first = await f.dispatchEvent({ eventType: 'test:retry' });
    expect(first).toEqual([expect.objectContaining({ moduleKey: 'retry-trigger', retryCount: 0, outcome: 'retry-scheduled' })]);
    await f.idle(5000);
    expect(reports.map((r) => [r.retryCount, r.outcome])).toEqual([
      [0, 'retry-scheduled'], [1, 'retry-scheduled'], [2, 'retry-scheduled'], [3, 'retry-scheduled'], [4, 'retries-exhausted'],
    ]);
    const log = (await call(f, 'kvsGet', { key: 'retry-log' })).value as unknown[];
    expect(log).toEqual([
      null,
      { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { attempt: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { attempt: 2 } },
      { retryCount: 3, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { attempt: 3 } },
      { retryCount: 4, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { attempt: 4 } },
    ]);
  });

  it('reports a thrown error as error without retrying', async () => {
    const f = await start();
    expect(await f.dispatchEvent({ eventType: 'test:throw' })).toEqual([
      expect.objectContaining({ outcome: 'error', error: 'boom from the app', retryCount: 0 }),
    ]);
    await f.idle(1000);
    expect(reports).toHaveLength(1);
  });

  it('times out a trigger past its limit, and the late code can no longer reach the platform', async () => {
    const f = await start({ limits: { triggerMs: 150 } });
    const [report] = await f.dispatchEvent({ eventType: 'test:slow', ms: 400 });
    expect(report).toEqual(expect.objectContaining({ outcome: 'timeout' }));
    expect(report?.durationMs).toBeLessThan(400);
    await new Promise((r) => setTimeout(r, 400));
    expect(await call(f, 'kvsGet', { key: 'late-write' })).toEqual({ value: null });
  });

  it('rejects a resolver that runs past its limit and reports the remaining time inside', async () => {
    const f = await start({ limits: { resolverMs: 150 } });
    await expect(call(f, 'sleep', { ms: 400 })).rejects.toThrow(/timed out/);
    const { ms } = await call(f, 'remaining');
    expect(ms).toBeGreaterThan(100);
    expect(ms).toBeLessThanOrEqual(150);
  });
});

describe('queue', () => {
  it('delivers after the scaled delay and retries a consumer InvocationError with retryContext', async () => {
    const f = await start();
    const pushedAt = Date.now();
    await call(f, 'push', { events: [{ body: { id: 'q1', failTimes: 2 }, delayInSeconds: 100 }] });
    expect(await call(f, 'kvsGet', { key: 'queue-log:q1' })).toEqual({ value: null }); // not before its delay
    await f.idle(5000);
    const log = (await call(f, 'kvsGet', { key: 'queue-log:q1' })).value as Array<Record<string, unknown>>;
    expect(log.map((l) => l.retryCount)).toEqual([0, 1, 2]);
    expect(log.map((l) => l.retryData)).toEqual([null, { n: 0 }, { n: 1 }]);
    expect(Number(log[0]?.at) - pushedAt).toBeGreaterThanOrEqual(100); // 100 s / timeScale 1000
  });

  it('runs at most `limit` consumers per concurrency key', async () => {
    const f = await start();
    const events = ['c1', 'c2', 'c3', 'c4'].map((id) => ({ body: { id, workMs: 30 }, concurrency: { key: 'conn-1', limit: 1 } }));
    await call(f, 'push', { events });
    await f.idle(5000);
    expect(await call(f, 'consumerStats')).toEqual({ maxInFlight: 1 });
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      expect(((await call(f, 'kvsGet', { key: `queue-log:${id}` })).value as unknown[]).length).toBe(1);
    }
  });

  it('rate-limits pushes at 500 events per minute with RateLimitError', async () => {
    const f = await start();
    expect(await call(f, 'pushTooMany')).toEqual({ error: 'RateLimitError' });
    expect(f.metrics().queuePushes).toBe(500);
  });
});

describe('metrics', () => {
  it('counts invocations, KVS reads and writes per key, Jira calls, queue pushes and GB-seconds', async () => {
    const f = await start();
    await call(f, 'whoami'); // 1 invocation, 1 Jira call
    await call(f, 'kvsSetTtl', { key: 'k' }); // 1 write + 1 read
    await call(f, 'push', { events: [{ body: { id: 'm1' } }, { body: { id: 'm2' } }] }); // 2 pushes → 2 consumer runs
    await f.idle(5000); // each consumer run: 1 read + 1 write
    const m = f.metrics();
    expect(m).toEqual(expect.objectContaining({
      invocations: 5, jiraRequests: 1, queuePushes: 2, kvsReads: 3, kvsWrites: 3, egressRequests: 0,
    }));
    expect(m.gbSeconds).toBeGreaterThan(0);
  });
});
