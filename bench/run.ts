/**
 * `npm run bench` (issue 7, "Cost and speed"): what one forwarded event costs and how fast a burst
 * drains, measured in one run on the local Forge platform with the real app and the real @forge SDKs.
 * Prints a table; with `--json` (`npm run bench -- --json`) also one final JSON line with every figure.
 * Never part of `npm test`.
 *
 * How each figure is measured:
 * - Per event (bench/scenarios/per-event.ts, one process per app): the local platform injects 15 ms per
 *   KVS call, 80 ms per Jira call and 120 ms per listener POST. One healthy connection to the bench's own
 *   listener, 5 warm-up events, then a batch fired one after another through `POST /api/events`; the
 *   platform's counters (`GET /api/metrics`) are read before and after and divided by the batch size.
 *   `gbSecondsPer1000Events` is the platform's estimate: memoryMB (from the manifest) / 1024 × wall s.
 * - `roundTripsOnPath`: every remote call the trigger makes (KVS, Jira REST, queue push through
 *   `__forge_fetch__`; listener POST through the global fetch) is recorded as a time interval with the
 *   invocation that made it (bench/lib/call-recorder.ts). The figure is the longest chain of calls in
 *   one invocation where each starts after the previous one ended: calls that overlap ran in parallel
 *   and count once. Cross-check printed next to it: the trigger's wall time against the sum of the
 *   injected latencies of its calls.
 * - The naive baseline (bench/naive-baseline/, its own manifest at Forge's default 512 MB) runs the same
 *   batch on the same platform with the same latencies; `vsNaive` holds app ÷ naive for each figure.
 * - Burst (bench/scenarios/burst.ts): 500 events dispatched at once, listener accepting 50 requests in any
 *   second and answering 429 above that, connection rate 50/s; time until each event was accepted once,
 *   divided by the 10 s the limit allows. `lost` = events never accepted within 90 s.
 * - Bundles (bench/lib/sizes.ts): esbuild, bundle + minify, platform node (only Node built-ins external).
 *   The trigger's bytes are also broken down by npm package and source directory (esbuild's metafile),
 *   marking the packages the bare trigger has too: the rest is what the app adds to the yardstick.
 * - UI: the entry script of static/app/dist/index.html and its static imports, gzipped (level 9).
 * - Memory: the minified trigger bundle loaded in a fresh plain `node` (resident floor of a warm
 *   container, after GC) plus the largest rise of heap+external while one event ran (sampled every 2 ms
 *   after a GC, in the per-event process). `recommendedMemoryMB` = that peak × 2 headroom (Forge's own
 *   runtime wrapper, which cannot be measured here, and larger issues), rounded up to 64 MB, min 128.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, round, runScenario, USD_PER_GB_SECOND } from './lib/common';
import { measureLoadTimes } from './lib/load-time';
import { measureLoadFootprint } from './lib/memory-probe';
import { measureBundles, measureUiInitialJs } from './lib/sizes';
import type { BurstResult } from './scenarios/burst';
import type { PerEventResult } from './scenarios/per-event';

const BATCH_EVENTS = 40;
const BURST_EVENTS = 500;
const BURST_LIMIT_PER_SECOND = 50;
const MEMORY_HEADROOM = 2;

interface PerEventFigures {
  invocationsPerEvent: number;
  kvsReadsPerEvent: number;
  kvsWritesPerEvent: number;
  queuePushesPerEvent: number;
  jiraRequestsPerEvent: number;
  egressRequestsPerEvent: number;
  roundTripsOnPath: number;
  gbSecondsPer1000Events: number;
}

interface Target {
  figure: string;
  target: string;
  value: number;
  met: boolean;
}

function figures(r: PerEventResult): PerEventFigures {
  return {
    invocationsPerEvent: round(r.perEvent.invocations),
    kvsReadsPerEvent: round(r.perEvent.kvsReads),
    kvsWritesPerEvent: round(r.perEvent.kvsWrites),
    queuePushesPerEvent: round(r.perEvent.queuePushes),
    jiraRequestsPerEvent: round(r.perEvent.jiraRequests),
    egressRequestsPerEvent: round(r.perEvent.egressRequests),
    roundTripsOnPath: r.roundTripsOnPath,
    gbSecondsPer1000Events: round(r.gbSecondsPer1000Events),
  };
}

function ratios(app: PerEventFigures, naive: PerEventFigures): Record<keyof PerEventFigures, number | null> {
  const out = {} as Record<keyof PerEventFigures, number | null>;
  for (const key of Object.keys(app) as (keyof PerEventFigures)[]) out[key] = naive[key] === 0 ? null : round(app[key] / naive[key]);
  return out;
}

function recommendMemoryMB(peakMb: number): number {
  return Math.min(1024, Math.max(128, Math.ceil((peakMb * MEMORY_HEADROOM) / 64) * 64));
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function table(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col] ?? '').length)));
  for (const row of rows) say(row.map((cell, col) => (col === 0 ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]))).join('  '));
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const started = Date.now();

  const dist = join(REPO_ROOT, 'static', 'app', 'dist', 'index.html');
  if (!existsSync(dist)) {
    progress('static/app/dist is missing: npm run build:ui');
    execFileSync('npm', ['run', 'build:ui'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  }
  progress('bundling the trigger and the bare trigger (esbuild)');
  const bundles = await measureBundles();
  const ui = measureUiInitialJs();
  const footprint = await measureLoadFootprint(bundles.triggerBundle);
  progress('loading the trigger and the bare trigger in fresh node processes (cold-start load time)');
  const loadTimes = await measureLoadTimes(bundles.triggerBundle, bundles.bareBundle);

  const scenario = (name: string): string => join(__dirname, 'scenarios', `${name}.ts`);
  progress(`app: ${BATCH_EVENTS} events, warm, one healthy connection, latencies injected`);
  const app = await runScenario<PerEventResult>(scenario('per-event'), ['app', String(BATCH_EVENTS)], 90_000, ['--expose-gc']);
  progress(`naive baseline: ${BATCH_EVENTS} events, same platform and latencies`);
  const naive = await runScenario<PerEventResult>(scenario('per-event'), ['naive', String(BATCH_EVENTS)], 90_000, ['--expose-gc']);
  progress(`burst: ${BURST_EVENTS} events at once, listener limited to ${BURST_LIMIT_PER_SECOND}/s`);
  const burst = await runScenario<BurstResult>(scenario('burst'), [String(BURST_EVENTS), String(BURST_LIMIT_PER_SECOND)], 150_000);

  const appFigures = figures(app);
  const naiveFigures = figures(naive);
  const vsNaive = ratios(appFigures, naiveFigures);
  const peakMb = footprint.loadedRssMb + app.memory.invocationWorkingSetMb;
  const recommendedMemoryMB = recommendMemoryMB(peakMb);
  const gbAtRecommended = app.memoryMB > 0 ? (app.gbSecondsPer1000Events * recommendedMemoryMB) / app.memoryMB : 0;
  const usdPer100k = (gbPer1000: number): number => round(gbPer1000 * 100 * USD_PER_GB_SECOND, 4);
  const triggerBundleKb = round(bundles.triggerBundleKb, 1);
  const uiInitialJsGzipKb = round(ui.uiInitialJsGzipKb, 1);

  const targets: Target[] = [
    { figure: 'invocationsPerEvent', target: '<= 1', value: appFigures.invocationsPerEvent, met: appFigures.invocationsPerEvent <= 1 },
    { figure: 'kvsReadsPerEvent', target: '<= 0.1', value: appFigures.kvsReadsPerEvent, met: appFigures.kvsReadsPerEvent <= 0.1 },
    { figure: 'kvsWritesPerEvent', target: '<= 1', value: appFigures.kvsWritesPerEvent, met: appFigures.kvsWritesPerEvent <= 1 },
    { figure: 'queuePushesPerEvent', target: '0', value: appFigures.queuePushesPerEvent, met: appFigures.queuePushesPerEvent === 0 },
    { figure: 'roundTripsOnPath', target: '<= 3', value: appFigures.roundTripsOnPath, met: appFigures.roundTripsOnPath <= 3 },
    {
      figure: 'gbSeconds vs naive (manifest memory)',
      target: '<= 0.5',
      value: vsNaive.gbSecondsPer1000Events ?? 0,
      met: (vsNaive.gbSecondsPer1000Events ?? Infinity) <= 0.5,
    },
    { figure: 'burstDrainRatio', target: '<= 1.2', value: round(burst.burstDrainRatio, 2), met: burst.burstDrainRatio <= 1.2 },
    { figure: 'burst lost', target: '0', value: burst.lost, met: burst.lost === 0 },
    { figure: 'triggerBundleRatio', target: '<= 1.5', value: round(bundles.triggerBundleRatio, 2), met: bundles.triggerBundleRatio <= 1.5 },
    { figure: 'uiInitialJsGzipKb', target: '<= 250', value: uiInitialJsGzipKb, met: ui.uiInitialJsGzipKb <= 250 },
  ];

  say('');
  say(`Agent Studio Relay bench (local Forge platform; latency KVS 15 ms, Jira 80 ms, listener POST 120 ms)`);
  say('');
  table([
    ['per forwarded event (warm, 1 connection)', 'app', 'naive', 'app/naive'],
    ...(Object.keys(appFigures) as (keyof PerEventFigures)[]).map((key) => [key, appFigures[key], naiveFigures[key], vsNaive[key] ?? '-']),
    ['memoryMB (manifest)', app.memoryMB, naive.memoryMB, round(app.memoryMB / naive.memoryMB, 2)],
    ['trigger wall ms (median)', app.triggerMsMedian, naive.triggerMsMedian, round(app.triggerMsMedian / naive.triggerMsMedian, 2)],
    ['sum of injected latencies ms (median)', app.serialLatencyMsMedian, naive.serialLatencyMsMedian, '-'],
    ['USD per 100,000 events (GB-s beyond free tier)', usdPer100k(app.gbSecondsPer1000Events), usdPer100k(naive.gbSecondsPer1000Events), '-'],
  ]);
  say(`  events delivered: app ${app.delivered}/${app.events}, naive ${naive.delivered}/${naive.events}; ` +
    `calls per trigger: app ${JSON.stringify(app.callsPerInvocation)}, naive ${JSON.stringify(naive.callsPerInvocation)}`);
  say('');
  table([
    ['burst', 'value'],
    ['events / listener limit', `${burst.events} / ${burst.limitPerSecond} per s`],
    ['time to deliver all (s)', round(burst.drainMs / 1000, 1)],
    ['burstDrainRatio (÷ 10 s)', round(burst.burstDrainRatio, 2)],
    ['lost', burst.lost],
    ['status429', burst.status429],
    ['listener requests', burst.listenerRequests],
    ['invocations / queue pushes', `${burst.cost.invocations} / ${burst.cost.queuePushes}`],
    ['KVS reads / writes', `${burst.cost.kvsReads} / ${burst.cost.kvsWrites}`],
  ]);
  say(`  accepted per second: ${burst.timeline.accepted.join(' ')}`);
  say(`  429 per second:      ${burst.timeline.status429.join(' ')}`);
  say('');
  table([
    ['size', 'value'],
    ['triggerBundleKb (minified)', triggerBundleKb],
    ['bare trigger Kb (@forge/api + @forge/kvs)', round(bundles.bareTriggerKb, 1)],
    ['triggerBundleRatio', round(bundles.triggerBundleRatio, 2)],
    [`cold load ms, trigger / bare (median of ${loadTimes.runs} fresh node processes)`, `${round(loadTimes.triggerLoadMsMedian, 1)} / ${round(loadTimes.bareLoadMsMedian, 1)}`],
    ['src/index.ts bundle Kb (consumer, scheduled, resolvers)', round(bundles.appBundleKb, 1)],
    ['uiInitialJsGzipKb', uiInitialJsGzipKb],
  ]);
  say(`  UI initial JS: ${ui.files.join(', ')}`);
  say(`  trigger bundle by package or directory (KB; * also in the bare trigger):`);
  say(`    ${bundles.triggerParts.map((p) => `${p.name}${p.inBare ? '*' : ''} ${round(p.kb, 1)}`).join(', ')}`);
  const added = bundles.triggerParts.filter((p) => !p.inBare).reduce((sum, p) => sum + p.kb, 0);
  say(`    beyond the bare trigger's packages: ${round(added, 1)} KB (≤ ${round(bundles.bareTriggerKb * 0.5, 1)} KB meets the 1.5× target)`);
  say(`    without zod and the template compiler (this design's floor): ${round(bundles.withoutDroppableKb, 1)} KB, ` +
    `ratio ${round(bundles.withoutDroppableKb / bundles.bareTriggerKb, 2)}`);
  say('');
  table([
    ['memory (trigger)', 'MB'],
    ['plain node, after GC', round(footprint.nodeRssMb, 1)],
    ['+ minified trigger bundle loaded, after GC', round(footprint.loadedRssMb, 1)],
    ['working set of one invocation (max / median)', `${round(app.memory.invocationWorkingSetMb, 2)} / ${round(app.memory.invocationWorkingSetMedianMb, 2)}`],
    ['estimated peak of a warm container', round(peakMb, 1)],
    ['bench process max RSS (tsx + platform + app)', round(app.memory.processMaxRssMb, 1)],
    [`recommended memoryMB (peak × ${MEMORY_HEADROOM}, 64 MB steps, min 128)`, recommendedMemoryMB],
    [`gbSecondsPer1000Events at ${recommendedMemoryMB} MB (projected)`, round(gbAtRecommended, 3)],
    ['  … vs naive', round(gbAtRecommended / naive.gbSecondsPer1000Events, 3)],
  ]);
  say(`  manifest.yml: runtime.memoryMB: ${recommendedMemoryMB} under the on-issue-event function (or app.runtime.memoryMB)`);
  say('');
  table([['target', 'wanted', 'measured', ''], ...targets.map((t) => [t.figure, t.target, t.value, t.met ? 'met' : 'MISSED'])]);
  say('');
  say(`bench took ${round((Date.now() - started) / 1000, 1)} s`);

  if (json) {
    say(
      JSON.stringify({
        ...appFigures,
        memoryMB: app.memoryMB,
        naive: { ...naiveFigures, memoryMB: naive.memoryMB },
        vsNaive,
        burstDrainRatio: round(burst.burstDrainRatio, 3),
        lost: burst.lost,
        status429: burst.status429,
        burst: {
          events: burst.events,
          limitPerSecond: burst.limitPerSecond,
          drainSeconds: round(burst.drainMs / 1000, 2),
          listenerRequests: burst.listenerRequests,
          ...burst.cost,
          gbSeconds: round(burst.cost.gbSeconds, 3),
          triggerOutcomes: burst.triggerOutcomes,
          acceptedPerSecond: burst.timeline.accepted,
        },
        triggerBundleKb,
        bareTriggerKb: round(bundles.bareTriggerKb, 1),
        triggerBundleRatio: round(bundles.triggerBundleRatio, 3),
        appBundleKb: round(bundles.appBundleKb, 1),
        triggerLoadMsMedian: round(loadTimes.triggerLoadMsMedian, 2),
        bareLoadMsMedian: round(loadTimes.bareLoadMsMedian, 2),
        triggerBundleFloorRatio: round(bundles.withoutDroppableKb / bundles.bareTriggerKb, 3),
        triggerParts: bundles.triggerParts.map((p) => ({ ...p, kb: round(p.kb, 1) })),
        uiInitialJsGzipKb,
        memory: {
          nodeRssMb: round(footprint.nodeRssMb, 1),
          bundleLoadedRssMb: round(footprint.loadedRssMb, 1),
          invocationWorkingSetMb: round(app.memory.invocationWorkingSetMb, 2),
          estimatedPeakMb: round(peakMb, 1),
          recommendedMemoryMB,
          gbSecondsPer1000EventsAtRecommended: round(gbAtRecommended, 3),
          vsNaiveAtRecommended: round(gbAtRecommended / naive.gbSecondsPer1000Events, 3),
        },
        triggerMsMedian: app.triggerMsMedian,
        naiveTriggerMsMedian: naive.triggerMsMedian,
        usdPer100kEvents: { app: usdPer100k(app.gbSecondsPer1000Events), appAtRecommended: usdPer100k(gbAtRecommended), naive: usdPer100k(naive.gbSecondsPer1000Events) },
        targets: Object.fromEntries(targets.map((t) => [t.figure, t.met])),
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
