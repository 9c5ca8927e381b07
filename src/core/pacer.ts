/**
 * Paces requests per listener host: one request every 1/rate seconds (never more than `rate` in a second), and a pause
 * after a 429 until the listener's Retry-After. Moveworks limits a whole organisation, so every connection
 * to one host shares one bucket at the lowest rate any of them sets (receiver.md "Limits").
 *
 * The state lives in memory: in one warm Forge container it paces every invocation the container runs;
 * separate containers each keep their own bucket, and the 429 back-off then does the rest.
 */
export interface HostBucket {
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
}

export class Pacer {
  private readonly buckets = new Map<string, HostBucket>();

  /**
   * Reserves the next free slot at or after `notBeforeMs` and returns its time, so events queued in a
   * burst come due one slot apart instead of all at once.
   */
  reserve(host: string, rate: number, nowMs: number, notBeforeMs = nowMs): number {
    const bucket = this.refill(host, rate, nowMs);
    bucket.tokens -= 1;
    const owedMs = bucket.tokens < 0 ? Math.ceil((-bucket.tokens / rate) * 1000) : 0;
    return Math.max(notBeforeMs, bucket.pausedUntil, nowMs + owedMs);
  }

  /** When a 429 pause on this host ends (0 when there is none). */
  pausedUntil(host: string): number {
    return this.buckets.get(host)?.pausedUntil ?? 0;
  }

  /** After a 429: nothing goes to this host before `untilMs`. */
  pause(host: string, untilMs: number): void {
    const bucket = this.buckets.get(host) ?? { tokens: 0, updatedAt: untilMs, pausedUntil: 0 };
    bucket.pausedUntil = Math.max(bucket.pausedUntil, untilMs);
    bucket.tokens = Math.min(bucket.tokens, 0);
    this.buckets.set(host, bucket);
  }

  private refill(host: string, rate: number, nowMs: number): HostBucket {
    const bucket = this.buckets.get(host) ?? { tokens: 1, updatedAt: nowMs, pausedUntil: 0 };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt) / 1000;
    // Requests are spaced 1/rate apart rather than allowed in bursts: a bucket that saved up a second's
    // worth would let twice the rate through in the next second, which a per-second limit refuses.
    bucket.tokens = Math.min(1, bucket.tokens + elapsed * rate);
    bucket.updatedAt = nowMs;
    this.buckets.set(host, bucket);
    return bucket;
  }
}

/** The shared rate of a host: the lowest rate of the enabled connections that call it. */
export function hostRate(connections: readonly { url: string; enabled: boolean; rateLimitPerSecond: number }[], host: string): number {
  const rates = connections.filter((c) => c.enabled && hostOfUrl(c.url) === host).map((c) => c.rateLimitPerSecond);
  return (rates.length > 0 ? Math.min(...rates) : 5) * PACING_MARGIN;
}

/**
 * Requests are paced a little under the configured rate: network jitter bunches requests that left
 * exactly 1/rate apart, and a strict per-second limit answers the bunch with 429s.
 */
export const PACING_MARGIN = 0.95;

export function hostOfUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
