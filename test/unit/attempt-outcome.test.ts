import { attemptOutcome, MAX_RATE_LIMITED_ATTEMPTS } from '../../src/services/attempt-outcome';

const NOW = 1_800_000_000_000;

describe('attemptOutcome', () => {
  it('delivers a 2xx and fails a 400 at once', () => {
    expect(attemptOutcome({ status: 202 }, 1, NOW, 0.5)).toEqual({ state: 'delivered' });
    expect(attemptOutcome({ status: 400 }, 1, NOW, 0.5)).toMatchObject({ state: 'failed' });
  });

  it('flags 401 as a configuration error with the advice of Test connection', () => {
    expect(attemptOutcome({ status: 401 }, 1, NOW, 0.5)).toMatchObject({ state: 'failed', configurationError: expect.stringMatching(/API key/) as string });
  });

  it('climbs the backoff schedule on 503 and honours a longer Retry-After', () => {
    expect(attemptOutcome({ status: 503 }, 1, NOW, 0.5).retry?.waitSeconds).toBe(5);
    expect(attemptOutcome({ status: 503 }, 2, NOW, 0.5).retry?.waitSeconds).toBe(60);
    expect(attemptOutcome({ status: 503, retryAfterHeader: '120' }, 1, NOW, 0.5).retry).toEqual({ waitSeconds: 120, notBefore: NOW + 120_000 });
    expect(attemptOutcome({ status: 503 }, 9, NOW, 0.5)).toEqual({ state: 'failed' });
  });

  it('waits a 429 out for its Retry-After without climbing the schedule', () => {
    expect(attemptOutcome({ status: 429, retryAfterHeader: '3' }, 4, NOW, 0.5, 3)).toEqual({
      state: 'retrying',
      rateLimited: true,
      retry: { waitSeconds: 3, notBefore: NOW + 3_000 },
    });
    expect(attemptOutcome({ status: 429 }, 1, NOW, 0.5).retry?.waitSeconds).toBe(1);
    // After the 429 allowance the ordinary schedule applies, counted without the 429s.
    const late = attemptOutcome({ status: 429 }, MAX_RATE_LIMITED_ATTEMPTS + 2, NOW, 0.5, MAX_RATE_LIMITED_ATTEMPTS);
    expect(late).toMatchObject({ state: 'retrying', retry: { waitSeconds: 60 } });
    expect(late.rateLimited).toBeUndefined();
  });
});
