/**
 * Model calls per answered question: the built-in planner (the default model) answers the
 * sample warehouse's evaluation questions that expect an answer, in process through the chat
 * route; each call the route makes to the model is counted. Target: 2 (the tool call, then the
 * text). Prints a table and writes bench/results/calls.json.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { ask, startInProcessApp } from '../../tests/helpers/in-process-app';

const QUESTIONS = Number(process.env.QUARRY_BENCH_QUESTIONS ?? 60);
const TARGET = 2;

const questions = readFileSync('evals/sample.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { question: string; expect: string })
  .filter((q) => q.expect === 'answer')
  .slice(0, QUESTIONS);

const quarry = await startInProcessApp({ scale: 0.1 });
try {
  const { POST } = await import('@/app/api/chat/route');
  let calls = 0;
  quarry.wrapModel((model) => {
    const inner = model as LanguageModelV4;
    return { ...inner, provider: inner.provider, modelId: inner.modelId, supportedUrls: inner.supportedUrls, doGenerate: inner.doGenerate.bind(inner), doStream: (options) => (calls++, inner.doStream(options)) } as LanguageModelV4;
  });
  const counts: number[] = [];
  let unanswered = 0;
  for (const { question } of questions) {
    calls = 0;
    const { status, chunks } = await ask(POST, { cookie: quarry.cookie, conversationId: crypto.randomUUID(), datasetId: quarry.datasetId, text: question });
    const answered = status === 200 && chunks.some((c) => c.type === 'tool-output-available' && (c.output as { ok?: boolean })?.ok) && chunks.some((c) => c.type === 'text-delta');
    if (answered) counts.push(calls);
    else unanswered++;
  }
  const histogram: Record<string, number> = {};
  for (const c of counts) histogram[c] = (histogram[c] ?? 0) + 1;
  const mean = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
  const result = {
    model: 'local (built-in planner)',
    questions: questions.length,
    answered: counts.length,
    unanswered,
    callsPerAnswered: { mean: Number(mean.toFixed(2)), max: Math.max(...counts), histogram },
    target: TARGET,
    ok: counts.every((c) => c === TARGET),
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/calls.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench calls: model calls per answered question, ${questions.length} sample questions, built-in planner`);
  console.table({ 'calls per answered question': { mean: result.callsPerAnswered.mean, max: result.callsPerAnswered.max, answered: counts.length, unanswered, target: TARGET } });
  console.log(`  histogram ${JSON.stringify(histogram)}   ${result.ok ? 'ok' : 'MISSED'}`);
  console.log('  written to bench/results/calls.json');
} finally {
  await quarry.stop();
}
process.exit(0);
