import { ok, startFaultyListener, type FaultyListener } from '../support/faulty-listener';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  TRIGGER_LIMIT_MS,
  deliveryDetail,
  distinctEvent,
  inState,
  invocationLines,
  listAllDeliveries,
  sleep,
  waitForDeliveries,
} from '../support/relay-probe';
import { scaleAppClock, type ScaledClock } from '../support/scaled-app-clock';

const TOKEN = 'lst_faults_outage_3b9d';
/** 1 simulated hour = 1 s. */
const TIME_SCALE = 3_600;
const OUTAGE_SIMULATED_MS = 2 * 3600 * 1000;
const EVENTS = 10;

describe('faults: a listener down for 2 hours', () => {
  let listener: FaultyListener;
  let platform: TestPlatform;
  let clock: ScaledClock;

  beforeAll(async () => {
    listener = await startFaultyListener(() => ok());
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: TIME_SCALE });
    clock = scaleAppClock(TIME_SCALE);
  });

  afterAll(async () => {
    clock.restore();
    await platform.close();
    await listener.close();
  });

  it('refuses connections for 2 simulated hours while 10 events fire; each is accepted exactly once when it is back', async () => {
    await listener.stop(); // connection refused from now on
    const outageStart = Date.now();
    const names = ['issue-created', 'issue-updated-field', 'issue-updated-status', 'issue-assigned', 'comment-created'];
    const events = Array.from({ length: EVENTS }, (_, i) => distinctEvent(names[i % names.length]));
    // Spread over the first ~25 simulated minutes of the outage.
    for (const event of events) {
      const reports = await platform.fireEventWithReports(event);
      expect(reports).toEqual([expect.objectContaining({ outcome: 'success', retryCount: 0 })]);
      await sleep(40);
    }
    await sleep(Math.max(0, clock.real(OUTAGE_SIMULATED_MS) - (Date.now() - outageStart)));
    expect(listener.requests).toHaveLength(0);
    const recoveredAtSimulated = clock.now();
    await listener.start(); // same port, same URL

    const fired = new Set(events.map((e) => Number(e.timestamp)));
    await listener.waitUntil(() => listener.acceptedCounts().size === EVENTS, `${EVENTS} distinct events accepted`, 20_000);
    const ids = [...listener.acceptedCounts().keys()];
    const deliveries = await waitForDeliveries(platform, ids, inState('delivered'), 'every delivery to end delivered');
    await sleep(clock.real(3600 * 1000)); // one more simulated hour: no duplicate may arrive

    // Each webhook-id reached the listener once and was accepted once; every fired event is among them.
    expect([...listener.acceptedCounts().values()]).toEqual(ids.map(() => 1));
    expect(listener.eventRequests()).toHaveLength(EVENTS);
    expect(new Set(listener.eventRequests().map((r) => (JSON.parse(r.body) as { timestamp: number }).timestamp))).toEqual(fired);

    // No event lost: exactly one record per fired event, all delivered, after failed attempts during the outage.
    const all = await listAllDeliveries(platform);
    expect(all).toHaveLength(EVENTS);
    expect(new Set(all.map((d) => d.eventId))).toEqual(new Set(ids));
    // The first event was attempted during the outage (5 s, 1 min, 5 min…) before it was accepted.
    const attempted = await Promise.all(deliveries.map((d) => deliveryDetail(platform, d)));
    expect(Math.max(...attempted.map((d) => d.attemptLog.length))).toBeGreaterThanOrEqual(4);
    for (const d of deliveries) {
      expect(d).toMatchObject({ state: 'delivered', status: 200 });
      const detail = await deliveryDetail(platform, d);
      const log = detail.attemptLog;
      // Events fired after the circuit breaker opened wait without spending attempts: at least the final one.
      expect(log.length).toBeGreaterThanOrEqual(1);
      expect(detail.attempts).toBe(log.length);
      for (const failed of log.slice(0, -1)) {
        expect(failed.status).toBeUndefined();
        expect(failed.error).toMatch(/^Connection failed/);
        expect(Date.parse(failed.at)).toBeLessThan(recoveredAtSimulated);
      }
      expect(log.at(-1)?.status).toBe(200);
      expect(Date.parse(log.at(-1)?.at ?? '')).toBeGreaterThanOrEqual(recoveredAtSimulated);
    }
    // No trigger came near Forge's 25 s limit.
    const triggers = invocationLines(platform.logs).filter((l) => l.kind === 'trigger');
    expect(triggers).toHaveLength(EVENTS);
    for (const t of triggers) expect(t.durationMs).toBeLessThan(TRIGGER_LIMIT_MS);
  });
});
