import { DISPATCH_WINDOW_MS, hostLimit, hostRate, PACING_MARGIN, Pacer } from '../../src/core/pacer';

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
    pacer.pause('h', 5_000, 1_000);
    expect(pacer.reserve('h', 50, 1_000)).toBeGreaterThanOrEqual(5_000);
    expect(pacer.admit('h', 50, 4_999)).toBe(5_000);
    expect(pacer.reserve('h', 50, 6_000)).toBe(6_000);
  });

  it('moves every slot not reached yet by a pause, in order, instead of firing them together when it ends', () => {
    const pacer = new Pacer();
    const booked = [0, 1, 2, 3].map(() => ({ slot: pacer.reserve('h', 10, 0), bookedAt: 0 })); // 0, 100, 200, 300
    pacer.pause('h', 1_150, 150); // a 429 answered at 150 with Retry-After 1 s
    expect(booked.map((b) => pacer.effectiveSlot('h', b))).toEqual([0, 100, 1_200, 1_300]);
    // Booked after the pause: behind the moved slots, and not moved again by the pause it came after.
    const later = { slot: pacer.reserve('h', 10, 200), bookedAt: 200 };
    expect(pacer.effectiveSlot('h', later)).toBe(1_400);
  });

  it('freezes overlapping pauses only once', () => {
    const pacer = new Pacer();
    const booked = { slot: pacer.reserve('h', 1, 0) + 5_000, bookedAt: 0 };
    pacer.pause('h', 2_000, 1_000);
    pacer.pause('h', 2_010, 1_010); // several 429s answered together
    expect(pacer.effectiveSlot('h', booked)).toBe(5_000 + 1_010);
  });

  it('refuses a request that would make the window hold more than the limit, and moves the plan until there is room', () => {
    const pacer = new Pacer();
    // Four requests bunched by late timers at a limit of 4/s.
    for (const at of [0, 10, 20, 30]) expect(pacer.admit('h', 4, at)).toBe(at);
    const next = { slot: 40, bookedAt: 0 };
    expect(pacer.admit('h', 4, 40)).toBe(DISPATCH_WINDOW_MS);
    expect(pacer.effectiveSlot('h', next)).toBe(DISPATCH_WINDOW_MS);
    expect(pacer.admit('h', 4, DISPATCH_WINDOW_MS)).toBe(DISPATCH_WINDOW_MS);
  });

  it('counts one request per its longer window for a limit under one per second', () => {
    const pacer = new Pacer();
    expect(pacer.admit('h', 0.1, 0)).toBe(0);
    expect(pacer.admit('h', 0.1, 5_000)).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps a request that was answered slower than usual in the window for longer: it may have arrived late', () => {
    const pacer = new Pacer();
    pacer.admit('h', 2, 0);
    pacer.admit('h', 2, 100);
    pacer.answered('h', 0, 450); // stalled on its way: 330 ms slower than…
    pacer.answered('h', 100, 220); // …the usual round trip, learnt afterwards
    expect(pacer.admit('h', 2, 1_130)).toBe(1_130); // the quick one no longer counts
    expect(pacer.admit('h', 2, 1_200)).toBe(DISPATCH_WINDOW_MS + 330); // the slow one still does
  });

  it('uses the lowest rate of the enabled connections to a host', () => {
    const connections = [
      { url: 'https://api.moveworks.ai/a', enabled: true, rateLimitPerSecond: 10 },
      { url: 'https://api.moveworks.ai/b', enabled: true, rateLimitPerSecond: 5 },
      { url: 'https://api.moveworks.ai/c', enabled: false, rateLimitPerSecond: 1 },
      { url: 'https://eu.moveworks.ai/d', enabled: true, rateLimitPerSecond: 2 },
    ];
    expect(hostLimit(connections, 'api.moveworks.ai')).toBe(5);
    expect(hostRate(connections, 'api.moveworks.ai')).toBeCloseTo(5 * PACING_MARGIN);
  });
});
