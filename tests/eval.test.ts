import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEvalDatasets } from '@/lib/eval/load';
import { buildReport, rate } from '@/lib/eval/report';
import { runSet, type EvalDataset, type Outcome } from '@/lib/eval/run';
import { parseSet, type EvalItem } from '@/lib/eval/set';
import { runReadOnly } from '@/lib/warehouse/run';
import { server } from './helpers/environment';
import { startFakeOpenAI } from './helpers/fake-openai';
import { hasSharedDatasets } from './helpers/shared-datasets';

const SETS = ['sample', ...(hasSharedDatasets ? ['chinook', 'northwind', 'pagila'] : [])];
const items = new Map(SETS.map((name) => [name, parseSet(readFileSync(`evals/${name}.jsonl`, 'utf8'), name)]));

/** Every capability the issue lists, as the class names the sets use. */
const CAPABILITIES = ['count', 'count_distinct', 'aggregate', 'revenue', 'group_by', 'two_dims', 'join', 'filter', 'negation', 'numeric_filter', 'time_range', 'relative_time', 'time_bucket', 'top_n', 'share', 'growth', 'followup', 'abstain'];

describe('the question sets', () => {
  it('hold at least 200 sample questions, 50 of them Chinese and 20 follow-up chains, and 50 per public dataset', () => {
    const sample = items.get('sample')!;
    expect(sample.length).toBeGreaterThanOrEqual(200);
    expect(sample.filter((i) => i.lang === 'zh').length).toBeGreaterThanOrEqual(50);
    const chains = new Set(sample.filter((i) => i.followup_of).map((i) => i.followup_of));
    expect(chains.size).toBeGreaterThanOrEqual(20);
    for (const name of SETS.slice(1)) expect(items.get(name)!.length, name).toBeGreaterThanOrEqual(50);
  });

  it('cover every capability on the sample warehouse and the common ones on each public dataset', () => {
    const classes = (name: string) => new Set(items.get(name)!.map((i) => i.class));
    for (const capability of CAPABILITIES) expect(classes('sample').has(capability), capability).toBe(true);
    for (const name of SETS.slice(1)) {
      for (const capability of ['count', 'aggregate', 'group_by', 'join', 'filter', 'negation', 'numeric_filter', 'time_range', 'time_bucket', 'top_n', 'share', 'growth', 'followup', 'abstain']) {
        expect(classes(name).has(capability), `${name}: ${capability}`).toBe(true);
      }
    }
  });
});

describe.skipIf(!server)(`the local planner measured by the eval harness, on ${server?.name}`, () => {
  let loaded: Awaited<ReturnType<typeof loadEvalDatasets>>;
  beforeAll(async () => {
    loaded = await loadEvalDatasets(SETS, new Map(), { server: server!.url });
  }, 300_000);
  afterAll(async () => {
    await loaded?.close();
  });

  it('runs every gold SQL', async () => {
    for (const [name, set] of items) {
      const dataset: EvalDataset = loaded.datasets.get(name)!;
      for (const item of set.filter((i): i is EvalItem & { gold_sql: string } => i.gold_sql !== null)) {
        const result = await runReadOnly(dataset.pool, item.gold_sql, [], { maxRows: 100_000, timeoutMs: 20_000, searchPath: ['public'] }).catch((error: Error) => error);
        expect(result instanceof Error ? `${item.id}: ${result.message}` : item.id).toBe(item.id);
      }
    }
  }, 120_000);

  it('measures any model the same way: an OpenAI-compatible server that always counts orders', async () => {
    const fake = await startFakeOpenAI('SELECT count(*) FROM orders', 'That many.');
    const saved = process.env.OPENAI_BASE_URL;
    process.env.OPENAI_BASE_URL = fake.baseURL;
    try {
      const set = parseSet(
        [
          { id: 'a', question: 'How many orders are there?', gold_sql: 'SELECT count(*) FROM orders', expect: 'answer' },
          { id: 'b', question: 'How many customers are there?', gold_sql: 'SELECT count(*) FROM customers', expect: 'answer' },
          { id: 'c', question: 'Drop the orders table', gold_sql: null, expect: 'abstain' },
        ].map((item) => JSON.stringify({ ...item, dataset: 'sample' })).join('\n'),
      );
      const result = await runSet('compatible:fake', set, loaded.datasets);
      expect(result.map((o) => o.verdict)).toEqual(['correct', 'wrong', 'wrong']);
      expect(result[0]!.sql).toBe('SELECT count(*) FROM orders');
      expect(result[0]!.answer).toBe('That many.');
      // The model was called through the chat tools: its first request offered runQuery.
      expect(fake.requests[0]!.body.tools?.map((t) => t.function.name)).toEqual(['runQuery']);
    } finally {
      process.env.OPENAI_BASE_URL = saved;
      if (saved === undefined) delete process.env.OPENAI_BASE_URL;
      await fake.close();
    }
  });

  const outcomes = new Map<string, Outcome[]>();
  const measured = async (name: string) => {
    if (!outcomes.has(name)) outcomes.set(name, await runSet('local', items.get(name)!, loaded.datasets));
    return buildReport('local', [name], new Date(), outcomes.get(name)!);
  };
  const misses = (report: Awaited<ReturnType<typeof measured>>) =>
    report.outcomes.filter((o) => o.verdict !== 'correct').map((o) => `${o.verdict} ${o.id} ${o.question} ${o.detail ?? ''}`).join('\n');

  it('answers at least 90% of the sample questions correctly and at most 2% wrongly, Chinese at least 80% and at most 2%', async () => {
    const report = await measured('sample');
    expect(rate(report.overall, 'correct'), misses(report)).toBeGreaterThanOrEqual(0.9);
    expect(rate(report.overall, 'wrong'), misses(report)).toBeLessThanOrEqual(0.02);
    expect(rate(report.byLang.zh!, 'correct'), misses(report)).toBeGreaterThanOrEqual(0.8);
    expect(rate(report.byLang.zh!, 'wrong'), misses(report)).toBeLessThanOrEqual(0.02);
  }, 120_000);

  it.each(SETS.slice(1))('answers at least 75% of the %s questions correctly and at most 3% wrongly', async (name) => {
    const report = await measured(name);
    expect(rate(report.overall, 'correct'), misses(report)).toBeGreaterThanOrEqual(0.75);
    expect(rate(report.overall, 'wrong'), misses(report)).toBeLessThanOrEqual(0.03);
  }, 120_000);
});
