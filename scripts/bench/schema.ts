/**
 * The 1,000-table fixture warehouse (tests/fixtures/large-schema.ts) on an embedded Postgres
 * started for the run: for every question of its question set, the system prompt's tokens and
 * the share of the needed tables it shows, sending the whole schema versus retrieving within
 * the 4,000-token budget (full-text search alone, and with pg_trgm). Prints a table and writes
 * bench/results/schema.json.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countTokens } from 'gpt-tokenizer';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/db/embedded';
import { systemPrompt } from '@/lib/ai/prompt';
import { compilePlan } from '@/lib/planner/compile';
import { noKnowledge } from '@/lib/planner/knowledge';
import { planConversation } from '@/lib/planner/model';
import { introspect } from '@/lib/warehouse/catalog';
import { DEFAULT_SCHEMA_BUDGET } from '@/lib/warehouse/retrieval';
import { createLargeSchema, fixtureDataset, fixtureQuestions, fixtureTables } from '@/tests/fixtures/large-schema';

const TARGET_RECALL = 0.95;
const TARGET_PLAN_MS = 20;

const dataset = { name: 'Group warehouse', description: 'Every subsidiary', tables: null, shareRowsWithModel: true, ...fixtureDataset };

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const shownTables = (prompt: string) => new Set([...prompt.matchAll(/^TABLE (\S+)/gm)].map((m) => m[1]!.replaceAll('"', '')));

/** The built-in planner on the same catalog: each question's best of five runs (plan and compile), p50 and p95. */
function planningTime(catalog: Awaited<ReturnType<typeof introspect>>) {
  const knowledge = { ...noKnowledge(), ...fixtureDataset };
  const today = new Date();
  const questions = fixtureQuestions.map((q) => q.question);
  for (const question of questions) planConversation([question], catalog, knowledge, today);
  const times = questions.map((question) => {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const planned = planConversation([question], catalog, knowledge, today);
      if (planned.ok) compilePlan(planned.plan, catalog);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  });
  const ms = (q: number) => Number(quantile(times, q).toFixed(2));
  return { msPerQuestion: { p50: ms(0.5), p95: ms(0.95) }, target: { p95: TARGET_PLAN_MS } };
}

type Mode = { name: string; prompt: (question: string) => string | Promise<string> };
type Measured = { mode: string; tokens: { mean: number; p95: number; max: number }; recall: number; questionsFullyCovered: number; msPerQuestion: { p50: number; p95: number }; missed: string[] };

async function measure({ name, prompt }: Mode): Promise<Measured> {
  let needed = 0;
  let found = 0;
  let covered = 0;
  const tokens: number[] = [];
  const ms: number[] = [];
  const missed: string[] = [];
  for (const { question, tables } of fixtureQuestions) {
    const started = performance.now();
    const text = await prompt(question);
    ms.push(performance.now() - started);
    tokens.push(countTokens(text));
    const shown = shownTables(text);
    const absent = tables.filter((t) => !shown.has(t));
    needed += tables.length;
    found += tables.length - absent.length;
    if (!absent.length) covered++;
    missed.push(...absent.map((t) => `${t} for "${question}"`));
  }
  return {
    mode: name,
    tokens: { mean: Math.round(mean(tokens)), p95: quantile(tokens, 0.95), max: Math.max(...tokens) },
    recall: Number((found / needed).toFixed(4)),
    questionsFullyCovered: covered,
    msPerQuestion: { p50: Number(quantile(ms, 0.5).toFixed(1)), p95: Number(quantile(ms, 0.95).toFixed(1)) },
    missed,
  };
}

const dir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-schema-'));
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres(dir);
const admin = new pg.Client({ connectionString: server.url('postgres') });
const pools: pg.Pool[] = [];
try {
  await admin.connect();
  for (const name of ['bench_warehouse', 'bench_app', 'bench_app_trgm']) await admin.query(`CREATE DATABASE ${name}`);
  const warehouse = new pg.Pool({ connectionString: server.url('bench_warehouse'), max: 2 });
  const app = new pg.Pool({ connectionString: server.url('bench_app'), max: 2 });
  const appTrgm = new pg.Pool({ connectionString: server.url('bench_app_trgm'), max: 2 });
  pools.push(warehouse, app, appTrgm);
  await appTrgm.query('CREATE EXTENSION pg_trgm');

  let started = performance.now();
  const client = await warehouse.connect();
  await createLargeSchema(client);
  client.release();
  const buildMs = performance.now() - started;
  const catalog = await introspect(warehouse, [...new Set(fixtureTables.map((t) => t.schema))]);

  // Warm both search paths (first-use planning, tokenizer tables) before measuring.
  await systemPrompt(dataset, catalog, 'warm up', { db: app });
  await systemPrompt(dataset, catalog, 'warm up', { db: appTrgm });
  started = performance.now();
  const whole = await measure({ name: 'whole schema', prompt: () => systemPrompt(dataset, catalog) });
  const fts = await measure({ name: 'retrieval: full-text search', prompt: (q) => systemPrompt(dataset, catalog, q, { db: app }) });
  const trigram = await measure({ name: 'retrieval: full-text + pg_trgm', prompt: (q) => systemPrompt(dataset, catalog, q, { db: appTrgm }) });
  const results = [whole, fts, trigram];
  const planner = planningTime(catalog);

  const result = {
    fixture: { tables: catalog.tables.length, foreignKeys: catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0), questions: fixtureQuestions.length, neededTables: fixtureQuestions.reduce((n, q) => n + q.tables.length, 0), buildMs: Math.round(buildMs) },
    budget: DEFAULT_SCHEMA_BUDGET,
    tokenizer: 'gpt-tokenizer o200k_base',
    modes: results,
    planner,
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/schema.json', `${JSON.stringify(result, null, 2)}\n`);

  console.log(`bench schema: ${result.fixture.tables} tables, ${result.fixture.foreignKeys} foreign keys, ${result.fixture.questions} questions needing ${result.fixture.neededTables} tables (built in ${(buildMs / 1000).toFixed(1)} s)`);
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.mode,
        {
          'tokens mean': r.tokens.mean,
          'tokens max': r.tokens.max,
          recall: `${(r.recall * 100).toFixed(1)}%`,
          'questions fully covered': `${r.questionsFullyCovered}/${fixtureQuestions.length}`,
          'ms/question p50': r.msPerQuestion.p50,
          'ms/question p95': r.msPerQuestion.p95,
        },
      ]),
    ),
  );
  for (const r of [fts, trigram]) {
    const ok = r.tokens.max <= DEFAULT_SCHEMA_BUDGET && r.recall >= TARGET_RECALL;
    console.log(`  ${r.mode}: max ${r.tokens.max} tokens (target <= ${DEFAULT_SCHEMA_BUDGET}), recall ${(r.recall * 100).toFixed(1)}% (target >= ${TARGET_RECALL * 100}%)   ${ok ? 'ok' : 'MISSED'}`);
    for (const m of r.missed) console.log(`    missed ${m}`);
  }
  console.log(`  built-in planner: ${planner.msPerQuestion.p50} ms per question p50, ${planner.msPerQuestion.p95} ms p95 (target < ${TARGET_PLAN_MS} ms)   ${planner.msPerQuestion.p95 < TARGET_PLAN_MS ? 'ok' : 'MISSED'}`);
  console.log(`  whole schema: ${whole.tokens.max} tokens per prompt, ${(whole.tokens.max / fts.tokens.mean).toFixed(0)}x the retrieved prompt`);
  console.log('  written to bench/results/schema.json');
} finally {
  await Promise.all(pools.map((p) => p.end()));
  await admin.end();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
