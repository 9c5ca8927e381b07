import { hostRate, PACING_MARGIN, Pacer } from '../../src/core/pacer';

describe('Pacer', () => {
  it('spaces requests 1/rate apart, so no second sees more than the rate', () => {
    const pacer = new Pacer();
    expect(pacer.reserve('h', 5, 1_000)).toBe(1_000);
    expect(pacer.reserve('h', 5, 1_000)).toBe(1_200);
    expect(pacer.reserve('h', 5, 1_500)).toBe(1_500);
  });

  it('shares one bucket per host and keeps hosts apart', () => {
    const pacer = new Pacer();
    expect(pacer.reserve('a', 2, 0)).toBe(0);
    expect(pacer.reserve('a', 2, 0)).toBe(500);
    expect(pacer.reserve('b', 2, 0)).toBe(0);
  });

  it('reserves later slots one interval apart for a burst', () => {
    const pacer = new Pacer();
    const slots = Array.from({ length: 5 }, () => pacer.reserve('h', 4, 10_000));
    expect(slots).toEqual([10_000, 10_250, 10_500, 10_750, 11_000]);
  });

  it('never reserves more than the rate in any one-second window', () => {
    const pacer = new Pacer();
    const slots = Array.from({ length: 200 }, () => pacer.reserve('h', 50, 0));
    const worst = Math.max(...slots.map((t) => slots.filter((u) => u >= t && u < t + 1000).length));
    expect(worst).toBeLessThanOrEqual(50);
  });

  it('holds everything back after a 429 until Retry-After', () => {
    const pacer = new Pacer();
    pacer.pause('h', 5_000);
    expect(pacer.reserve('h', 50, 1_000)).toBeGreaterThanOrEqual(5_000);
    expect(pacer.reserve('h', 50, 6_000)).toBe(6_000);
  });

  it('uses the lowest rate of the enabled connections to a host', () => {
    const connections = [
      { url: 'https://api.moveworks.ai/a', enabled: true, rateLimitPerSecond: 10 },
      { url: 'https://api.moveworks.ai/b', enabled: true, rateLimitPerSecond: 5 },
      { url: 'https://api.moveworks.ai/c', enabled: false, rateLimitPerSecond: 1 },
      { url: 'https://eu.moveworks.ai/d', enabled: true, rateLimitPerSecond: 2 },
    ];
    expect(hostRate(connections, "api.moveworks.ai")).toBeCloseTo(5 * PACING_MARGIN);
  });
});
