import type { ConnectionView, DeliveryPage } from '../../src/shared/contract';
import { eventually } from '../support/eventually';
import { receivedReply, startLoopbackListener, type LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, startTestPlatform, type TestPlatform } from '../support/platform';

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
    if (!result.ok) throw new Error(result.error.message);
    return result.data.connections[0];
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
