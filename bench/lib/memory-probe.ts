import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Loads the minified trigger bundle (what Forge deploys) in a fresh plain `node` process, no tsx and no
 * local platform, and reads its memory after a GC: before loading (Node itself) and after (Node + the
 * app's code and module-scope state). This is the resident floor of a warm Forge container for this
 * function; the working set of one invocation comes on top (measured in bench/scenarios/per-event.ts).
 */
const PROBE = `
const MB = 1024 * 1024;
const read = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return { rssMb: m.rss / MB, heapMb: (m.heapUsed + m.external) / MB }; };
const before = read();
const mod = require(process.argv[1]);
if (typeof mod.onIssueEvent !== 'function') throw new Error('bundle has no onIssueEvent export');
const after = read();
process.stdout.write(JSON.stringify({ before, after }));
`;

export interface LoadFootprint {
  nodeRssMb: number;
  loadedRssMb: number;
  loadedHeapMb: number;
  bundleRssDeltaMb: number;
}

export async function measureLoadFootprint(bundle: Uint8Array): Promise<LoadFootprint> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-bundle-'));
  try {
    const file = join(dir, 'on-issue-event.cjs');
    writeFileSync(file, bundle);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--expose-gc', '-e', PROBE, file], { timeout: 30_000 }, (error: Error | null, out: string) => (error ? reject(error) : resolve(out)));
    });
    const { before, after } = JSON.parse(stdout) as { before: { rssMb: number }; after: { rssMb: number; heapMb: number } };
    return { nodeRssMb: before.rssMb, loadedRssMb: after.rssMb, loadedHeapMb: after.heapMb, bundleRssDeltaMb: after.rssMb - before.rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
