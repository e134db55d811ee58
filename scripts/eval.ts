// npm run eval -- --model local|openai:<id>|compatible:<id> --set <file.jsonl> [--set ...] [--db <dataset>=<postgres url> ...] [--out <dir>] [--server <postgres url>]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEvalDatasets } from '@/lib/eval/load';
import { buildReport, markdown, summaryLine } from '@/lib/eval/report';
import { runSet } from '@/lib/eval/run';
import { parseSet, type EvalItem } from '@/lib/eval/set';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'local' },
    set: { type: 'string', multiple: true },
    db: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: '.data/eval' },
    server: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

if (!values.set?.length) {
  console.error('Give at least one question set: npm run eval -- --model local --set evals/sample.jsonl');
  process.exit(2);
}

const items: EvalItem[] = [];
for (const file of values.set) items.push(...parseSet(await readFile(file, 'utf8'), file));

const urls = new Map<string, string>();
for (const entry of values.db) {
  const at = entry.indexOf('=');
  if (at < 1) {
    console.error(`--db ${entry}: write it as <dataset>=<postgres url>.`);
    process.exit(2);
  }
  urls.set(entry.slice(0, at), entry.slice(at + 1));
}

const startedAt = new Date();
const names = [...new Set(items.map((i) => i.dataset))];
const loaded = await loadEvalDatasets(names, urls, { server: values.server ?? process.env.QUARRY_EVAL_SERVER, log: (line) => console.error(line) });
try {
  const outcomes = await runSet(values.model!, items, loaded.datasets, (o) => {
    if (values.verbose || o.verdict !== 'correct') console.error(`${o.verdict.padEnd(9)} ${o.id}  ${o.question}${o.detail ? `  (${o.detail.slice(0, 200)})` : ''}`);
  });
  const report = buildReport(values.model!, values.set, startedAt, outcomes);
  await mkdir(values.out!, { recursive: true });
  const stem = path.join(values.out!, `${values.model!.replaceAll(/[^a-zA-Z0-9.-]+/g, '_')}-${startedAt.toISOString().replaceAll(/[:.]/g, '-')}`);
  await writeFile(`${stem}.json`, JSON.stringify(report, null, 2));
  await writeFile(`${stem}.md`, markdown(report));
  console.log(markdown(report).split('## Not correct')[0]!.trim());
  console.log(`\nWrote ${stem}.md and ${stem}.json`);
  console.log(summaryLine(report));
} finally {
  await loaded.close();
}
