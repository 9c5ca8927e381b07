import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What bundle size costs a cold start: the time a fresh `node` process spends in `require()` of a
 * minified bundle (reading, parsing and running its module scope). Both bundles are loaded in turn, in
 * separate processes, so machine noise hits both alike; the medians are compared.
 */
const PROBE = `
const started = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

const RUNS = 15;

export interface LoadTimes {
  triggerLoadMsMedian: number;
  bareLoadMsMedian: number;
  runs: number;
}

function loadOnce(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', PROBE, file], { timeout: 30_000 }, (error: Error | null, out: string) => (error ? reject(error) : resolve(Number(out))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function measureLoadTimes(trigger: Uint8Array, bare: Uint8Array): Promise<LoadTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-load-'));
  try {
    const triggerFile = join(dir, 'trigger.cjs');
    const bareFile = join(dir, 'bare.cjs');
    writeFileSync(triggerFile, trigger);
    writeFileSync(bareFile, bare);
    // One untimed load each first, so the file cache is warm for both.
    await loadOnce(triggerFile);
    await loadOnce(bareFile);
    const triggerMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      triggerMs.push(await loadOnce(triggerFile));
      bareMs.push(await loadOnce(bareFile));
    }
    return { triggerLoadMsMedian: median(triggerMs), bareLoadMsMedian: median(bareMs), runs: RUNS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
