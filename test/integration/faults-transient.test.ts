import { ok, startFaultyListener, status, type FaultyListener } from '../support/faulty-listener';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  DUE_SLACK_MS,
  JITTER,
  RETRY_SCHEDULE_SECONDS,
  attemptGapsMs,
  deliveryDetail,
  distinctEvent,
  inState,
  sleep,
  waitForDeliveries,
} from '../support/relay-probe';
import { scaleAppClock, type ScaledClock } from '../support/scaled-app-clock';

const TOKEN = 'lst_faults_transient_7c1e';
/** 1 simulated minute = 100 ms: the 5 s, 1 min and 5 min waits take about 0.6 s together. */
const TIME_SCALE = 600;
/** Real time allowed on top of a scaled wait for invocations, KVS and queue hops under a loaded test run. */
const OVERHEAD_REAL_MS = 1_500;

describe('faults: transient listener failures are retried until accepted exactly once', () => {
  let listener: FaultyListener;
  let platform: TestPlatform;
  let clock: ScaledClock;

  beforeAll(async () => {
    listener = await startFaultyListener();
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: TIME_SCALE });
    clock = scaleAppClock(TIME_SCALE);
  });

  afterAll(async () => {
    clock.restore();
    await platform.close();
    await listener.close();
  });

  it('503 storm: every event answered 503 three times is accepted once, on its 4th attempt, on schedule', async () => {
    listener.setPlan((r) => (r.attemptForId <= 3 ? status(503) : ok()));
    const events = ['issue-created', 'issue-updated-field', 'issue-assigned', 'comment-created', 'comment-deleted'].map(distinctEvent);
    const fired = events.map((e) => String(e.timestamp));
    for (const event of events) await platform.fireEvent(event);

    const ids = await idsOf(listener, fired);
    await listener.waitUntil(() => ids.every((id) => listener.acceptedCounts().get(id) === 1), '5 events accepted', 20_000);
    const deliveries = await waitForDeliveries(platform, ids, inState('delivered'), 'the 5 deliveries to end delivered');
    await sleep(500); // ~5 simulated minutes: a duplicate retry would show up here

    const accepted = listener.acceptedCounts();
    for (const id of ids) {
      expect(accepted.get(id)).toBe(1);
      const requests = listener.requestsFor(id);
      expect(requests.map((r) => r.answered)).toEqual([503, 503, 503, 200]);
      expect(new Set(requests.map((r) => r.body)).size).toBe(1); // the same body each time, with the same webhook-id
      // Real arrival gaps at the listener, scaled back to simulated time: never sooner than the schedule.
      const arrivals = requests.map((r) => r.arrivedAt);
      arrivals.slice(1).forEach((t, i) => {
        const gapSimulated = clock.simulated(t - arrivals[i]);
        expect(gapSimulated).toBeGreaterThanOrEqual(RETRY_SCHEDULE_SECONDS[i] * 1000 * (1 - JITTER) - DUE_SLACK_MS);
        expect(t - arrivals[i]).toBeLessThanOrEqual(clock.real(RETRY_SCHEDULE_SECONDS[i] * 1000 * (1 + JITTER)) + OVERHEAD_REAL_MS);
      });
    }
    expect(deliveries.map((d) => [d.state, d.status, d.attempts])).toEqual(ids.map(() => ['delivered', 200, 4]));

    for (const d of deliveries) {
      const detail = await deliveryDetail(platform, d);
      expect(detail.attemptLog.map((a) => a.status)).toEqual([503, 503, 503, 200]);
      attemptGapsMs(detail).forEach((gap, i) => {
        expect(gap).toBeGreaterThanOrEqual(RETRY_SCHEDULE_SECONDS[i] * 1000 * (1 - JITTER) - DUE_SLACK_MS);
      });
    }
  });

  it('connection reset without an answer: the event is retried and accepted once', async () => {
    listener.setPlan((r) => (r.attemptForId === 1 ? { kind: 'reset' } : ok()));
    const events = ['issue-created', 'issue-updated-status', 'comment-updated'].map(distinctEvent);
    const fired = events.map((e) => String(e.timestamp));
    for (const event of events) await platform.fireEvent(event);

    const ids = await idsOf(listener, fired);
    const deliveries = await waitForDeliveries(platform, ids, inState('delivered'), 'the reset deliveries to end delivered', 20_000);
    await sleep(500);

    for (const id of ids) {
      const requests = listener.requestsFor(id);
      expect(requests).toHaveLength(2);
      expect(requests[0].closedUnanswered).toBe(true);
      expect(requests[0].answered).toBeUndefined();
      expect(requests[1].answered).toBe(200);
      expect(listener.acceptedCounts().get(id)).toBe(1);
    }
    for (const d of deliveries) {
      expect(d).toMatchObject({ state: 'delivered', status: 200, attempts: 2 });
      const detail = await deliveryDetail(platform, d);
      expect(detail.attemptLog[0].status).toBeUndefined();
      expect(detail.attemptLog[0].error).toMatch(/^Connection failed/);
      expect(detail.attemptLog[1].status).toBe(200);
    }
  });
});

/** The webhook-id of each fired event, read from the first request whose body carries its timestamp. */
async function idsOf(listener: FaultyListener, timestamps: readonly string[]): Promise<string[]> {
  const find = (ts: string): string | undefined =>
    listener.requests.find((r) => String((JSON.parse(r.body) as { timestamp?: unknown }).timestamp) === ts)?.webhookId;
  await listener.waitUntil(() => timestamps.every((ts) => find(ts) !== undefined), 'a first request for every fired event', 15_000);
  const ids = timestamps.map((ts) => find(ts) ?? '');
  expect(new Set(ids).size).toBe(timestamps.length);
  return ids;
}
