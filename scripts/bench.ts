/**
 * `npm run bench <name>` runs one benchmark, which prints its figures. `npm run bench` runs every
 * one in turn, each in its own process (each brings up its own servers), then prints one summary
 * table from what they wrote to bench/results/. The ones marked `build` need `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

// Results files are each benchmark's own shape; the headlines read the fields they know.
type Json = Record<string, any>;

/** Each benchmark, and the headline of its results file (when it writes one). */
const benches: Record<string, { run: () => Promise<unknown>; build?: boolean; headline?: (r: Json) => string }> = {
  start: { run: () => import('./bench/start'), build: true },
  guard: { run: () => import('./bench/guard') },
  export: { run: () => import('./bench/export'), build: true },
  table: { run: () => import('./bench/table') },
  schema: {
    run: () => import('./bench/schema'),
    headline: (r) => [...r.modes.map((m: Json) => `${m.mode}: ${m.tokens.mean} tokens, recall ${m.recall}`), `planner p95 ${r.planner.msPerQuestion.p95} ms`].join('; '),
  },
  load: {
    run: () => import('./bench/load'),
    build: true,
    headline: (r) => `app ${r.app.mbPerSecond} MB/s vs psql ${r.psql.mbPerSecond} MB/s (ratio ${r.ratio}), RSS growth ${r.serverRss.growthMb} MB`,
  },
  turn: {
    run: () => import('./bench/turn'),
    headline: (r) => `overhead p50 ${r.ms.overhead.p50} ms, p99 ${r.ms.overhead.p99} ms (target ${r.target.p50}/${r.target.p99}); complete p50 ${r.ms.complete.p50} ms`,
  },
  throughput: {
    run: () => import('./bench/throughput'),
    build: true,
    headline: (r) => `${r.median.turnsPerSecond} turns/s, p50 ${r.median.p50} ms, p99 ${r.median.p99} ms, errors ${r.median.errors} (${r.instances} process(es); target >= ${r.target.turnsPerSecond})`,
  },
  calls: {
    run: () => import('./bench/calls'),
    headline: (r) => `${r.callsPerAnswered.mean} model calls per answered question (max ${r.callsPerAnswered.max}, ${r.answered}/${r.questions} answered; target ${r.target})`,
  },
  growth: {
    run: () => import('./bench/growth'),
    headline: (r) => r.scales.map((s: Json) => `${s.orderLines} lines: app ${s.appMs} ms + SQL ${s.rawSqlMs} ms`).join('; ') + (r.appShareFlat ? ' (flat)' : ' (GROWS)'),
  },
  weight: {
    run: () => import('./bench/weight'),
    build: true,
    headline: (r) => `${r.gzipKb} KB gzip in ${r.scripts} scripts (target <= ${r.targetKb} KB)`,
  },
};

const chosen = process.argv[2];
if (chosen) {
  const bench = benches[chosen];
  if (!bench) {
    console.error(`Usage: npm run bench [${Object.keys(benches).join('|')}]`);
    process.exit(2);
  }
  await bench.run();
} else {
  const summary: Record<string, { seconds: string; status: string; figures: string }> = {};
  for (const [name, { build, headline }] of Object.entries(benches)) {
    if (build && !existsSync('.next/BUILD_ID')) {
      summary[name] = { seconds: '-', status: 'skipped', figures: 'needs a production build: npm run build' };
      continue;
    }
    console.log(`\n=== bench ${name} ===`);
    const started = Date.now();
    const { status } = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, name], { stdio: 'inherit' });
    const file = `bench/results/${name}.json`;
    const fresh = existsSync(file) && statSync(file).mtimeMs >= started;
    let figures = 'printed above';
    let missed = false;
    if (fresh && headline) {
      try {
        const result = JSON.parse(readFileSync(file, 'utf8')) as Json;
        figures = headline(result);
        missed = result.ok === false || result.appShareFlat === false;
      } catch (error) {
        figures = `unreadable ${file}: ${(error as Error).message}`;
      }
    }
    const outcome = status !== 0 ? `failed (${status})` : missed ? 'target missed' : 'ok';
    summary[name] = { seconds: ((Date.now() - started) / 1000).toFixed(0), status: outcome, figures };
  }
  console.log('\n=== summary ===');
  console.table(summary);
  if (Object.values(summary).some((s) => s.status.startsWith('failed'))) process.exitCode = 1;
}

export {};
