// The local Forge globals must be in place before anything loads @forge/api (it captures fetch on load),
// and loading the platform installs them: keep this import first.
import '../../local/runtime/create-local-forge';
import { deps } from '../../src/forge/app-deps';

/**
 * `timeScale` divides the PLATFORM's delays (queue delayInSeconds, trigger retryAfter), but the app
 * decides whether a queued retry is due with its own Clock port (`deps.clock`, Date.now()): a job that
 * the queue hands over after 5 s / scale is "not yet due" to the app, which re-queues it for the full
 * remaining real time (see the report on faults-*.test.ts). To make simulated hours pass for the app too,
 * this replaces the app's clock (the same module instance the platform's handlers use: one jest registry
 * per test file) with one that runs `timeScale` times faster from now on. Request timeouts
 * (AbortSignal.timeout) and the 25 s invocation limit stay in real time.
 *
 * Test-only; `restore()` puts Date.now back. Times the app records (attempt `at`, createdAt,
 * nextAttemptAt) are then in simulated time, so their differences are simulated durations.
 */
export interface ScaledClock {
  readonly timeScale: number;
  /** The app's (simulated) time now. */
  now(): number;
  /** Simulated milliseconds corresponding to a real interval. */
  simulated(realMs: number): number;
  /** Real milliseconds corresponding to a simulated interval. */
  real(simulatedMs: number): number;
  restore(): void;
}

export function scaleAppClock(timeScale: number): ScaledClock {
  const clock = deps.clock;
  const original = clock.now.bind(clock);
  const base = Date.now();
  const now = (): number => base + (Date.now() - base) * timeScale;
  clock.now = now;
  return {
    timeScale,
    now,
    simulated: (realMs) => realMs * timeScale,
    real: (simulatedMs) => simulatedMs / timeScale,
    restore: () => {
      clock.now = original;
    },
  };
}
