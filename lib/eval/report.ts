import type { Outcome, Verdict } from './run';

type Tally = Record<Verdict, number> & { total: number };
export type Report = {
  model: string;
  sets: string[];
  startedAt: string;
  overall: Tally;
  byDataset: Record<string, Tally>;
  byClass: Record<string, Tally>;
  byLang: Record<string, Tally>;
  latencyMs: { p50: number; p95: number; max: number };
  tokens: { input: number; output: number };
  outcomes: Outcome[];
};

const empty = (): Tally => ({ total: 0, correct: 0, wrong: 0, abstained: 0, error: 0 });

function tally(outcomes: Outcome[], key: (o: Outcome) => string): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const o of outcomes) {
    const t = (out[key(o)] ??= empty());
    t.total++;
    t[o.verdict]++;
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export function buildReport(model: string, sets: string[], startedAt: Date, outcomes: Outcome[]): Report {
  const latencies = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  return {
    model,
    sets,
    startedAt: startedAt.toISOString(),
    overall: tally(outcomes, () => 'all').all ?? empty(),
    byDataset: tally(outcomes, (o) => o.dataset),
    byClass: tally(outcomes, (o) => o.class),
    byLang: tally(outcomes, (o) => o.lang),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? 0 },
    tokens: outcomes.reduce((sum, o) => ({ input: sum.input + o.tokens.input, output: sum.output + o.tokens.output }), { input: 0, output: 0 }),
    outcomes,
  };
}

export const rate = (t: Tally, v: Verdict) => (t.total ? t[v] / t.total : 0);
const pct = (t: Tally, v: Verdict) => `${(100 * rate(t, v)).toFixed(1)}%`;

function table(title: string, rows: Record<string, Tally>): string {
  const lines = Object.entries(rows)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, t]) => `| ${k} | ${t.total} | ${t.correct} (${pct(t, 'correct')}) | ${t.wrong} (${pct(t, 'wrong')}) | ${t.abstained} | ${t.error} |`);
  return [`### ${title}`, '', `| ${title.toLowerCase()} | items | correct | wrong | abstained | error |`, '| --- | --- | --- | --- | --- | --- |', ...lines].join('\n');
}

export function markdown(report: Report): string {
  const misses = report.outcomes.filter((o) => o.verdict !== 'correct');
  return [
    `# Eval: ${report.model}`,
    '',
    `Sets: ${report.sets.join(', ')}. Started ${report.startedAt}.`,
    '',
    table('Overall', { all: report.overall }),
    '',
    table('Dataset', report.byDataset),
    '',
    table('Language', report.byLang),
    '',
    table('Class', report.byClass),
    '',
    `Latency per question: p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, max ${report.latencyMs.max} ms. Tokens: ${report.tokens.input} in, ${report.tokens.output} out.`,
    '',
    '## Not correct',
    '',
    ...misses.map((o) => `- **${o.id}** (${o.verdict}) ${o.question}${o.detail ? ` — ${o.detail}` : ''}${o.sql ? `\n  \`${o.sql.replaceAll('\n', ' ')}\`` : ''}`),
    '',
  ].join('\n');
}

export function summaryLine(report: Report): string {
  const t = report.overall;
  return `eval ${report.model}: ${t.total} items, ${t.correct} correct (${pct(t, 'correct')}), ${t.wrong} wrong (${pct(t, 'wrong')}), ${t.abstained} abstained, ${t.error} errors; p95 ${report.latencyMs.p95} ms`;
}
