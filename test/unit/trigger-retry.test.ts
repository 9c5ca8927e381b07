import { MAX_RETRY_AFTER_SECONDS, retriesLeft, triggerRetryAfter } from '../../src/core/trigger-retry';

describe('trigger retries', () => {
  it('waits longer on each retry and never beyond Forge’s 900 s cap', () => {
    const delays = [0, 1, 2, 3].map((n) => triggerRetryAfter(n, undefined));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS);
  });

  // A platform retry only schedules the delivery again (forward-event.ts): it never sends before the
  // Retry-After, so capping the platform's wait at Forge's 900 s is safe.
  it('waits for a longer Retry-After before re-scheduling, up to Forge’s 900 s cap', () => {
    expect(triggerRetryAfter(0, 120)).toBe(120);
    expect(triggerRetryAfter(0, 5000)).toBe(900);
  });

  it('allows four retries, as Forge does', () => {
    expect([0, 1, 2, 3, 4].map(retriesLeft)).toEqual([true, true, true, true, false]);
  });
});
