import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { REPO_ROOT } from './common';

const KB = 1024;

interface Bundle {
  bytes: Uint8Array;
  /** Minified bytes per input file (esbuild's metafile: `bytesInOutput`). */
  inputs: Metafile['outputs'][string]['inputs'];
}

/** What Forge would ship for one handler: bundled, minified, Node platform, only Node built-ins left out. */
async function bundle(entry: { file: string } | { contents: string }): Promise<Bundle> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: REPO_ROOT, sourcefile: 'bare-trigger.ts', loader: 'ts' as const } }),
    // Metafile paths relative to the repository, whatever the working directory.
    absWorkingDir: REPO_ROOT,
    bundle: true,
    minify: true,
    platform: 'node', // marks node:* and the other built-ins external, and nothing else
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
  });
  const out = result.outputFiles[0];
  const meta = Object.values(result.metafile.outputs)[0];
  if (!out || !meta) throw new Error('esbuild produced no output');
  return { bytes: out.contents, inputs: meta.inputs };
}

/** One line of the breakdown: an npm package, or a directory of this repository. */
export interface BundlePart {
  name: string;
  kb: number;
  /** Also in the bare trigger, i.e. part of the yardstick rather than of what the app adds. */
  inBare: boolean;
}

function partOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return pkg?.[1] ?? dirname(file);
}

/** The minified bytes of a bundle grouped by package or source directory, largest first. */
function breakdown(of: Bundle, bare: Bundle): BundlePart[] {
  const bareParts = new Set(Object.keys(bare.inputs).map(partOf));
  const bytes = new Map<string, number>();
  for (const [file, input] of Object.entries(of.inputs)) bytes.set(partOf(file), (bytes.get(partOf(file)) ?? 0) + input.bytesInOutput);
  return [...bytes]
    .filter(([, size]) => size > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, size]) => ({ name, kb: size / KB, inBare: bareParts.has(name) }));
}

function droppableBytes(of: Bundle): number {
  return Object.entries(of.inputs)
    .filter(([file]) => DROPPABLE.some((pattern) => pattern.test(file)))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

/** A trigger that does the bare minimum with the two SDKs every relay needs: the yardstick for the bundle. */
const BARE_TRIGGER = `
import { fetch } from '@forge/api';
import { kvs } from '@forge/kvs';
export async function onIssueEvent(event: { issue?: { id?: string } }): Promise<void> {
  const url = await kvs.get<string>('url');
  if (url) await fetch(url, { method: 'POST', body: JSON.stringify(event) });
}
`;

/**
 * The parts a leaner trigger could drop while keeping its features: zod (hand-written checks instead) and
 * the template compiler (templates compiled at save and stored as a plan; rendering stays).
 */
const DROPPABLE = [/node_modules\/zod\//, /src\/core\/template\/(parse-|compile-|position)/];

export interface BundleSizes {
  triggerBundleKb: number;
  bareTriggerKb: number;
  triggerBundleRatio: number;
  /** The other handlers (src/index.ts: consumer, scheduled triggers, resolvers) in one bundle, for reference. */
  appBundleKb: number;
  /** The trigger without the DROPPABLE parts: the floor of this design's bundle ratio. */
  withoutDroppableKb: number;
  /** What the trigger bundle is made of, to see where its size comes from. */
  triggerParts: BundlePart[];
  /** The minified trigger bundle, for the memory probe and the load time. */
  triggerBundle: Uint8Array;
  /** The minified bare trigger, loaded beside it for the load time. */
  bareBundle: Uint8Array;
}

export async function measureBundles(): Promise<BundleSizes> {
  const [trigger, bare, app] = await Promise.all([
    bundle({ file: join(REPO_ROOT, 'src', 'trigger.ts') }),
    bundle({ contents: BARE_TRIGGER }),
    bundle({ file: join(REPO_ROOT, 'src', 'index.ts') }),
  ]);
  return {
    triggerBundleKb: trigger.bytes.byteLength / KB,
    bareTriggerKb: bare.bytes.byteLength / KB,
    triggerBundleRatio: trigger.bytes.byteLength / bare.bytes.byteLength,
    appBundleKb: app.bytes.byteLength / KB,
    withoutDroppableKb: (trigger.bytes.byteLength - droppableBytes(trigger)) / KB,
    triggerParts: breakdown(trigger, bare),
    triggerBundle: trigger.bytes,
    bareBundle: bare.bytes,
  };
}

export interface UiSize {
  uiInitialJsGzipKb: number;
  files: string[];
}

/**
 * The JavaScript the browser must fetch before the page can run: the module entry scripts and the
 * `modulepreload` links of static/app/dist/index.html (lazy chunks are not counted), each gzipped.
 */
export function measureUiInitialJs(distDir = join(REPO_ROOT, 'static', 'app', 'dist')): UiSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"[^>]*>/g)) if (m[1]) refs.add(m[1]);
  const queue = [...refs].filter((ref) => !/^[a-z]+:\/\//i.test(ref)).map((ref) => resolve(distDir, ref.replace(/^\//, '')));
  if (queue.length === 0) throw new Error(`${join(distDir, 'index.html')} references no script`);
  // Static imports of those chunks load before the page runs too (dynamic `import(` ones do not).
  const files: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.\.?\/[^"']+\.js)["']/g)) {
      if (m[1]) queue.push(resolve(dirname(file), m[1]));
    }
  }
  let gzipped = 0;
  for (const file of files) gzipped += gzipSync(readFileSync(file), { level: 9 }).byteLength;
  return { uiInitialJsGzipKb: gzipped / KB, files: files.map((f) => f.slice(dirname(distDir).length + 1)) };
}
