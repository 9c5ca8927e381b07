import { ok, startFaultyListener, status, type FaultyListener } from '../support/faulty-listener';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  DUE_SLACK_MS,
  TRIGGER_LIMIT_MS,
  deliveryDetail,
  distinctEvent,
  inState,
  invocationLines,
  sleep,
  waitForDeliveries,
} from '../support/relay-probe';
import { scaleAppClock, type ScaledClock } from '../support/scaled-app-clock';

const TOKEN = 'lst_faults_timing_51aa';
/** 1 simulated minute = 1 s: a Retry-After of 2 minutes is observable, request timeouts stay real. */
const TIME_SCALE = 60;
/** The app sends the request with a ≤ 10 s timeout. */
const REQUEST_TIMEOUT_MS = 10_000;

describe('faults: Retry-After, listeners that never answer, slow listeners', () => {
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

  it.each([
    ['delta-seconds', 120, (): string => '120'],
    ['an HTTP date', 180, (): string => new Date(clock.now() + 180_000).toUTCString()],
  ])('429 with Retry-After as %s: the next attempt waits at least that long, then the event is accepted once', async (_form, seconds, header) => {
    listener.setPlan((r) => (r.attemptForId === 1 ? status(429, { 'Retry-After': header() }) : ok()));
    const event = distinctEvent('issue-updated-field');
    const [report] = await platform.fireEventWithReports(event);
    expect(report).toMatchObject({ outcome: 'success', retryCount: 0 });
    const first = listener.eventRequests().find((r) => (JSON.parse(r.body) as { timestamp: number }).timestamp === Number(event.timestamp));
    if (!first) throw new Error('the first attempt did not reach the listener');
    const id = first.webhookId;
    await listener.waitUntil(() => listener.acceptedCounts().get(id) === 1, 'the retried event to be accepted', 15_000);
    const [delivery] = await waitForDeliveries(platform, [id], inState('delivered'), 'the 429 delivery to end delivered');
    await sleep(clock.real(60_000)); // 1 more simulated minute: nothing else may arrive

    const requests = listener.requestsFor(id);
    expect(requests.map((r) => r.answered)).toEqual([429, 200]);
    // Measured at the listener in real time and scaled back: never sooner than Retry-After. An HTTP date
    // has whole-second precision, and the app counts a retry up to 1 s early as due.
    const waitedSimulatedMs = clock.simulated(requests[1].arrivedAt - requests[0].arrivedAt);
    expect(waitedSimulatedMs).toBeGreaterThanOrEqual(seconds * 1000 - DUE_SLACK_MS - 1_000);
    expect(waitedSimulatedMs).toBeLessThan((seconds + 60) * 1000 + clock.simulated(1_500));
    expect(listener.acceptedCounts().get(id)).toBe(1);
    expect(delivery).toMatchObject({ state: 'delivered', status: 200, attempts: 2 });
    const detail = await deliveryDetail(platform, delivery);
    expect(detail.attemptLog.map((a) => a.status)).toEqual([429, 200]);
  });

  it('a listener that never answers the first attempt: the trigger ends well under 25 s and the event is retried and accepted once', async () => {
    listener.setPlan((r) => (r.attemptForId === 1 ? { kind: 'hang' } : ok()));
    const event = distinctEvent('issue-created');
    const before = invocationLines(platform.logs).length;
    const started = Date.now();
    const [report] = await platform.fireEventWithReports(event);
    const elapsed = Date.now() - started;

    expect(report).toMatchObject({ outcome: 'success', retryCount: 0 });
    // The runtime's own measure of the invocation: `[forge] trigger … ok (<n> ms)`.
    const [trigger] = invocationLines(platform.logs).slice(before).filter((l) => l.kind === 'trigger');
    expect(trigger.rest).toMatch(/ ok$/);
    const { durationMs } = trigger;
    // The request timed out at ≤ 10 s (not immediately) and the trigger returned long before Forge's 25 s.
    expect(durationMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 1_000);
    expect(durationMs).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
    expect(elapsed).toBeLessThan(TRIGGER_LIMIT_MS);

    const first = listener.eventRequests().find((r) => (JSON.parse(r.body) as { timestamp: number }).timestamp === Number(event.timestamp));
    if (!first) throw new Error('the first attempt did not reach the listener');
    expect(first.answered).toBeUndefined();

    const id = first.webhookId;
    const [delivery] = await waitForDeliveries(platform, [id], inState('delivered'), 'the timed-out delivery to end delivered', 15_000);
    await sleep(clock.real(60_000));
    expect(listener.requestsFor(id).map((r) => r.answered)).toEqual([undefined, 200]);
    expect(listener.acceptedCounts().get(id)).toBe(1);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 2 });
    const detail = await deliveryDetail(platform, delivery);
    expect(detail.attemptLog[0]).toMatchObject({ error: 'No answer before the timeout' });
    expect(detail.attemptLog[0].status).toBeUndefined();

    const triggers = invocationLines(platform.logs).filter((l) => l.kind === 'trigger');
    for (const t of triggers) expect(t.durationMs).toBeLessThan(TRIGGER_LIMIT_MS);
  });

  it('slow answers (2–3 s each) for several events at once: each is delivered once, with no timeout and no retry', async () => {
    const delays = [2_000, 2_500, 3_000, 2_200];
    const events = ['issue-created', 'issue-updated-status', 'issue-assigned', 'comment-updated'].map(distinctEvent);
    const delayOf = new Map(events.map((e, i) => [Number(e.timestamp), delays[i]]));
    listener.setPlan((r) => ok(delayOf.get((JSON.parse(r.body) as { timestamp: number }).timestamp) ?? 2_000));
    const before = invocationLines(platform.logs).length;

    const reports = (await Promise.all(events.map((e) => platform.fireEventWithReports(e)))).flat();
    expect(reports.map((r) => r.outcome)).toEqual(events.map(() => 'success'));

    const requests = listener.eventRequests().filter((r) => delayOf.has((JSON.parse(r.body) as { timestamp: number }).timestamp));
    expect(requests).toHaveLength(events.length);
    const ids = requests.map((r) => r.webhookId);
    const deliveries = await waitForDeliveries(platform, ids, inState('delivered'), 'the slow deliveries');
    await sleep(clock.real(60_000));

    for (const d of deliveries) {
      expect(d).toMatchObject({ state: 'delivered', status: 200, attempts: 1 });
      expect(d.latencyMs).toBeGreaterThanOrEqual(1_900);
      expect(listener.requestsFor(d.eventId)).toHaveLength(1);
      expect(listener.acceptedCounts().get(d.eventId)).toBe(1);
    }
    const triggers = invocationLines(platform.logs).slice(before).filter((l) => l.kind === 'trigger');
    expect(triggers).toHaveLength(events.length);
    for (const t of triggers) {
      expect(t.rest).toMatch(/ ok$/);
      expect(t.durationMs).toBeGreaterThanOrEqual(1_900);
      expect(t.durationMs).toBeLessThan(REQUEST_TIMEOUT_MS);
    }
  });
});
