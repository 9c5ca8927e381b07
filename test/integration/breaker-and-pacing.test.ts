import type { ConnectionView, DeliveryPage, ProjectOverview } from '../../src/shared/contract';
import { eventually } from '../support/eventually';
import { receivedReply, startLoopbackListener, type LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, startTestPlatform, type TestPlatform } from '../support/platform';
import { dataOf } from '../support/resolver-data';

const TOKEN = 'lst_breaker_token_8e31';
/** 600×: the 6 minutes before the breaker opens pass in 0.6 s, the five-minute probe runs every 0.5 s. */
const SCALE = 600;

describe('circuit breaker', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let down = true;
  let admin: string;
  /** Event requests the listener accepted (2xx), by webhook-id; probes are test requests and left out. */
  const accepted = new Map<string, number>();

  beforeAll(async () => {
    listener = await startLoopbackListener((request) => {
      if (down) return { status: 503, body: 'maintenance' };
      if (request.headers['x-relay-test'] === undefined) {
        const id = String(request.headers['webhook-id']);
        accepted.set(id, (accepted.get(id) ?? 0) + 1);
      }
      return receivedReply();
    });
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: SCALE });
    admin = platform.users.admin.accountId;
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  const overview = async (): Promise<ConnectionView> => {
    const result = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    return dataOf(result).connections[0];
  };
  const fire = (): Promise<void> => platform.fireEvent({ ...fixtureEvent('issue-created'), timestamp: String(Date.now() + Math.random()) });

  it('opens after sustained failures, holds new events back, and drains the backlog once a probe succeeds', async () => {
    await fire();
    const opened = await eventually(async () => (await overview()).breaker, 'the breaker to open', 20_000);
    expect(opened).toMatchObject({ reason: expect.stringMatching(/503/) as string, backlog: expect.any(Number) as number });

    // New events while paused are not sent into the failing listener.
    const before = listener.requests.filter((r) => r.headers['x-relay-test'] === undefined).length;
    for (let i = 0; i < 3; i++) await fire();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sentWhilePaused = listener.requests.filter((r) => r.headers['x-relay-test'] === undefined).length - before;
    expect(sentWhilePaused).toBe(0);
    expect((await overview()).breaker?.backlog).toBeGreaterThanOrEqual(4);
    // The project admin sees it paused too (the seeded connection covers every project).
    const { projectAdmin } = platform.users;
    const projectView = dataOf(await platform.invokeProject<ProjectOverview>('project/overview', {}, projectAdmin.accountId, projectAdmin.projectAdminOf[0]));
    expect(projectView.connections[0]?.pausedSince).toBe(opened.since);

    down = false;
    await eventually(async () => ((await overview()).breaker === undefined ? true : undefined), 'the probe to close the breaker', 20_000);
    const delivered = await eventually(async () => {
      const page = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { state: 'delivered', limit: 100 }, admin);
      return page.ok && page.data.deliveries.length === 4 ? page.data.deliveries : undefined;
    }, 'all four events delivered', 20_000);

    // Every event accepted exactly once, by webhook-id.
    expect([...accepted.keys()].sort()).toEqual(delivered.map((d) => d.eventId).sort());
    expect([...accepted.values()]).toEqual([1, 1, 1, 1]);
    const retrying = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { state: 'retrying' }, admin);
    expect(retrying.ok && retrying.data.deliveries).toEqual([]);
  });
});

describe('pacing', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  const arrivals: number[] = [];

  beforeAll(async () => {
    listener = await startLoopbackListener(() => {
      arrivals.push(Date.now());
      return receivedReply();
    });
    // 5 requests per second: the seeded connection's rate.
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN, rate: 5 }, timeScale: 1 });
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  it('keeps a burst to the connection’s rate and still delivers every event once', async () => {
    const events = Array.from({ length: 15 }, (_, i) => ({ ...fixtureEvent('comment-created'), timestamp: String(Date.now() + i) }));
    await Promise.all(events.map((event) => platform.fireEvent(event)));
    const received = await listener.waitFor(15, 20_000);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(15);
    // In any one-second window at most 5 requests, plus one of tolerance for timer jitter.
    const sorted = [...arrivals].sort((a, b) => a - b);
    const worst = Math.max(...sorted.map((t) => sorted.filter((u) => u >= t && u < t + 1000).length));
    expect(worst).toBeLessThanOrEqual(6);
    expect(sorted.at(-1)! - sorted[0]).toBeGreaterThanOrEqual(1500);
  });
});

describe('rate limiting and manual redelivery while retrying', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let admin: string;
  let mode: 'throttle' | 'down' | 'up' = 'throttle';
  const seen = new Map<string, number>();

  beforeAll(async () => {
    listener = await startLoopbackListener((request) => {
      const id = String(request.headers['webhook-id']);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      if (mode === 'down') return { status: 503, body: 'down' };
      if (mode === 'throttle' && n <= 5) return { status: 429, body: 'slow down', headers: { 'Retry-After': '1' } };
      return receivedReply();
    });
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: 600 });
    admin = platform.users.admin.accountId;
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  it('waits 429s out without opening the breaker', async () => {
    mode = 'throttle';
    await platform.fireEvent({ ...fixtureEvent('issue-created'), timestamp: String(Date.now() + 0.25) });
    const delivered = await eventually(async () => {
      const page = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { state: 'delivered' }, admin);
      return page.ok ? page.data.deliveries[0] : undefined;
    }, 'the throttled event delivered', 20_000);
    expect(delivered.attempts).toBe(6);
    const overview = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    expect(overview.ok && overview.data.connections[0].breaker).toBeUndefined();
  });

});

describe('manual redelivery while retrying', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let admin: string;
  let up = false;

  beforeAll(async () => {
    listener = await startLoopbackListener(() => (up ? receivedReply() : { status: 503, body: 'down' }));
    // Real time: the first automatic retry comes 5 s after the first attempt, after the manual one.
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: 1 });
    admin = platform.users.admin.accountId;
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  it('keeps retrying automatically after a manual redelivery fails, without sending any attempt twice', async () => {
    await platform.fireEvent({ ...fixtureEvent('comment-created'), timestamp: String(Date.now()) });
    const retrying = await eventually(async () => {
      const page = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { state: 'retrying' }, admin);
      return page.ok ? page.data.deliveries.find((d) => d.attempts === 1) : undefined;
    }, 'a retrying delivery');
    const again = await platform.invokeAdmin<{ state: string; attempts: number }>('deliveries/redeliver', { eventId: retrying.eventId, connectionId: retrying.connectionId }, admin);
    expect(again).toMatchObject({ ok: true, data: { state: 'retrying', attempts: 2 } });
    up = true;
    const done = await eventually(async () => {
      const page = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { state: 'delivered' }, admin);
      return page.ok ? page.data.deliveries.find((d) => d.eventId === retrying.eventId) : undefined;
    }, 'the delivery completed by its schedule', 20_000);
    expect(done.attempts).toBe(3);
    expect(listener.requests.filter((r) => r.headers['webhook-id'] === retrying.eventId)).toHaveLength(3);
  });
});
