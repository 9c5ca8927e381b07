import { ok, startFaultyListener, status, type FaultyListener } from '../support/faulty-listener';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  attemptGapsMs,
  deliveryDetail,
  distinctEvent,
  DUE_SLACK_MS,
  JITTER,
  MAX_ATTEMPTS,
  RETRY_SCHEDULE_SECONDS,
  inState,
  redeliver,
  sleep,
  waitForDeliveries,
} from '../support/relay-probe';
import { scaleAppClock, type ScaledClock } from '../support/scaled-app-clock';

const TOKEN = 'lst_faults_dead_letter_90fe';
/** 2 simulated hours = 1 s. */
const TIME_SCALE = 7_200;

interface Metrics {
  queuePushes: number;
}

describe('faults: dead letters and replay', () => {
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

  const firstRequestOf = async (event: Record<string, unknown>): Promise<string> => {
    const ts = Number(event.timestamp);
    const find = (): string | undefined => listener.eventRequests().find((r) => (JSON.parse(r.body) as { timestamp: number }).timestamp === ts)?.webhookId;
    await listener.waitUntil(() => find() !== undefined, 'the first attempt', 10_000);
    return find() ?? '';
  };

  it('401: fails at once with a configuration hint, is never retried, and redelivers with the same webhook-id once the listener is fixed', async () => {
    listener.setPlan(() => status(401));
    const pushesBefore = (await platform.api<Metrics>('/api/metrics')).json.queuePushes;
    const event = distinctEvent('issue-assigned');
    const [report] = await platform.fireEventWithReports(event);
    expect(report).toMatchObject({ outcome: 'success', retryCount: 0 });
    const id = await firstRequestOf(event);

    const [failed] = await waitForDeliveries(platform, [id], inState('failed'), 'the 401 delivery to end failed', 10_000);
    await sleep(clock.real(5 * 3600 * 1000)); // 5 simulated hours: no retry may come
    expect(listener.requestsFor(id).map((r) => r.answered)).toEqual([401]);
    expect((await platform.api<Metrics>('/api/metrics')).json.queuePushes).toBe(pushesBefore);
    expect(failed).toMatchObject({ state: 'failed', status: 401, attempts: 1 });
    expect(failed.nextAttemptAt).toBeUndefined();
    expect(failed.note).toEqual(expect.any(String)); // the configuration hint
    const detail = await deliveryDetail(platform, failed);
    expect(detail.attemptLog).toHaveLength(1);
    expect(detail.attemptLog.at(-1)?.status).toBe(401);

    listener.setPlan(() => ok());
    const replayed = await redeliver(platform, failed);
    expect(replayed).toMatchObject({ state: 'delivered', status: 200, attempts: 2 });
    expect(replayed.attemptLog.map((a) => [a.status, a.manual === true])).toEqual([[401, false], [200, true]]);
    const requests = listener.requestsFor(id);
    expect(requests.map((r) => r.answered)).toEqual([401, 200]);
    expect(requests[1].body).toBe(requests[0].body);
    expect(listener.acceptedCounts().get(id)).toBe(1);
  });

  it('an event the listener always refuses with 500 (probes pass): failed after 9 attempts on schedule, then replayed with the same webhook-id', async () => {
    // Test requests (breaker probes) succeed, so the breaker closes again and the event runs its whole schedule.
    listener.setPlan((request) => (request.test ? ok() : status(500)));
    const event = distinctEvent('comment-created');
    await platform.fireEvent(event);
    const id = await firstRequestOf(event);

    const [dead] = await waitForDeliveries(platform, [id], inState('failed'), 'the delivery to exhaust its schedule', 60_000);
    await sleep(clock.real(10 * 3600 * 1000)); // 10 more simulated hours: no 10th attempt
    expect(dead).toMatchObject({ state: 'failed', status: 500, attempts: MAX_ATTEMPTS });
    expect(listener.requestsFor(id).map((r) => r.answered)).toEqual(Array.from({ length: MAX_ATTEMPTS }, () => 500));
    const detail = await deliveryDetail(platform, dead);
    const gaps = attemptGapsMs(detail);
    expect(gaps).toHaveLength(RETRY_SCHEDULE_SECONDS.length);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(RETRY_SCHEDULE_SECONDS[i] * 1000 * (1 - JITTER) - DUE_SLACK_MS));

    listener.setPlan(() => ok());
    const replayed = await redeliver(platform, dead);
    expect(replayed).toMatchObject({ state: 'delivered', status: 200, attempts: MAX_ATTEMPTS + 1 });
    expect(replayed.attemptLog.at(-1)).toMatchObject({ status: 200, manual: true });
    expect(new Set(listener.requestsFor(id).map((r) => r.body)).size).toBe(1);
    expect(listener.acceptedCounts().get(id)).toBe(1);
  });

  it('a listener down for longer than the schedule (probes fail too): paused without spending attempts, failed once the schedule’s span has passed, then replayed', async () => {
    listener.setPlan(() => status(500));
    const event = distinctEvent('issue-created');
    await platform.fireEvent(event);
    const id = await firstRequestOf(event);

    const [dead] = await waitForDeliveries(platform, [id], inState('failed'), 'the paused delivery to give up', 60_000);
    // The breaker opened after the 4th attempt: later waits spent no attempts on a listener that was down.
    expect(listener.requestsFor(id).map((r) => r.answered)).toEqual([500, 500, 500, 500]);
    expect(dead.error ?? '').toMatch(/whole retry schedule/);

    listener.setPlan(() => ok());
    const replayed = await redeliver(platform, dead);
    expect(replayed).toMatchObject({ state: 'delivered', status: 200 });
    expect(listener.acceptedCounts().get(id)).toBe(1);
  });
});
