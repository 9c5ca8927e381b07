import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const NAIVE_ROOT = join(REPO_ROOT, 'bench', 'naive-baseline');

/** Injected by the local platform on every remote call (issue 7: "realistic latencies"). */
export const LATENCY_MS = { kvs: 15, jira: 80, egress: 120 } as const;

/** Forge pricing (platform.md "Cost"). */
export const USD_PER_GB_SECOND = 0.000025;

/** A fixture event with its own `timestamp`, so each fired event has its own stable id. */
export function fixtureEvent(name: string, timestampMs: number): { eventType: string } & Record<string, unknown> {
  const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'forge-events', `${name}.json`), 'utf8')) as {
    eventType: string;
  } & Record<string, unknown>;
  return { ...raw, timestamp: String(timestampMs) };
}

export type ChildMessage<T> = { ok: true; result: T } | { ok: false; error: string };

/**
 * Runs a scenario in its own Node process (tsx's loader inherited): each gets fresh module scope, i.e.
 * a cold container of its own, and its own process for memory figures. Its output goes to stderr, so
 * stdout keeps only the table and the JSON line. Resolves with what it sends.
 */
export function runScenario<T>(file: string, args: string[], timeoutMs: number, nodeFlags: string[] = []): Promise<T> {
  return new Promise<T>((resolveResult, reject) => {
    const child = fork(file, args, { execArgv: [...process.execArgv, ...nodeFlags], stdio: ['ignore', 2, 2, 'ipc'] });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error(`${file} ${args.join(' ')} did not finish within ${timeoutMs} ms`)));
    }, timeoutMs);
    child.on('message', (message: ChildMessage<T>) => {
      finish(() => (message.ok ? resolveResult(message.result) : reject(new Error(message.error))));
    });
    child.on('exit', (code) => finish(() => reject(new Error(`${file} ${args.join(' ')} exited with ${code ?? 'a signal'} before reporting`))));
    child.on('error', (error) => finish(() => reject(error)));
  });
}

/** The child side: report once, then let the parent's `exit` listener see a clean exit. */
export function runAsScenario<T>(main: () => Promise<T>): void {
  const send = (message: ChildMessage<T>): Promise<void> =>
    new Promise((done) => {
      if (!process.send) {
        process.stdout.write(`${JSON.stringify(message)}\n`);
        done();
        return;
      }
      process.send(message, () => done());
    });
  void main()
    .then((result) => send({ ok: true, result }))
    .catch((error: unknown) => send({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }))
    .finally(() => process.exit(0));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
