/**
 * Tracks everything pending on the platform (running invocations, scheduled retries, queued events)
 * so `idle()` can wait for quiet and `close()` can cancel timers.
 */
export class TaskTracker {
  private pending = 0;
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: Array<() => void> = [];

  constructor(private readonly onError: (error: unknown) => void) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Count `work` as pending until it settles; its rejection goes to onError (never floats). */
  track(work: () => Promise<unknown>): void {
    this.hold();
    Promise.resolve()
      .then(work)
      .catch(this.onError)
      .finally(() => this.release());
  }

  /** Run `work` after `ms`; pending from now on, so idle() does not resolve in between. */
  schedule(ms: number, work: () => Promise<unknown>): void {
    if (this.closed) return;
    this.hold();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(work); // hold before release: the count never dips to zero between the two
      this.release();
    }, Math.max(0, ms));
    this.timers.add(timer);
  }

  hold(): void {
    this.pending += 1;
  }

  release(): void {
    this.pending -= 1;
    if (this.pending === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  idle(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error(`LocalForge not idle after ${timeoutMs} ms (${this.pending} pending)`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  /** Cancel scheduled work; running invocations are left to finish (they cannot be killed in-process). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t);
      this.release();
    }
    this.timers.clear();
  }
}
