import { hostRate, Pacer } from '../../src/core/pacer';

describe('Pacer', () => {
  it('lets a second’s worth of requests through, then spaces them at the rate', () => {
    const pacer = new Pacer();
    const decisions = Array.from({ length: 6 }, () => pacer.take('h', 5, 1_000));
    expect(decisions.filter((d) => d.go)).toHaveLength(5);
    expect(decisions[5]).toEqual({ go: false, waitMs: 200 });
    expect(pacer.take('h', 5, 1_200)).toEqual({ go: true });
  });

  it('shares one bucket per host and keeps hosts apart', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 2; i++) expect(pacer.take('a', 2, 0).go).toBe(true);
    expect(pacer.take('a', 2, 0).go).toBe(false);
    expect(pacer.take('b', 2, 0).go).toBe(true);
  });

  it('reserves later slots one interval apart for a burst', () => {
    const pacer = new Pacer();
    const slots = Array.from({ length: 8 }, () => pacer.reserve('h', 4, 10_000));
    expect(slots.slice(0, 4)).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(slots.slice(4)).toEqual([10_250, 10_500, 10_750, 11_000]);
  });

  it('holds everything back after a 429 until Retry-After', () => {
    const pacer = new Pacer();
    pacer.pause('h', 5_000);
    expect(pacer.take('h', 50, 1_000)).toEqual({ go: false, waitMs: 4_000 });
    expect(pacer.reserve('h', 50, 1_000)).toBeGreaterThanOrEqual(5_000);
    expect(pacer.take('h', 50, 5_100).go).toBe(true);
  });

  it('uses the lowest rate of the enabled connections to a host', () => {
    const connections = [
      { url: 'https://api.moveworks.ai/a', enabled: true, rateLimitPerSecond: 10 },
      { url: 'https://api.moveworks.ai/b', enabled: true, rateLimitPerSecond: 5 },
      { url: 'https://api.moveworks.ai/c', enabled: false, rateLimitPerSecond: 1 },
      { url: 'https://eu.moveworks.ai/d', enabled: true, rateLimitPerSecond: 2 },
    ];
    expect(hostRate(connections, 'api.moveworks.ai')).toBe(5);
  });
});
