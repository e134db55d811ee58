/**
 * Turn overhead: the server time of a chat turn (first byte and complete) through the real chat
 * route, in process, with an instant scripted model making one runQuery call, minus the model's
 * and the SQL's own time (the query's duration as the executor measures it). Conversations of
 * five turns, so history loading counts. Medians of RUNS runs of p50/p99. Prints a table and
 * writes bench/results/turn.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { instantModel } from '../../tests/helpers/instant-model';
import { median, percentile, startInProcessApp } from '../../tests/helpers/in-process-app';
import { describeMachine, machine } from './machine';

const RUNS = Number(process.env.QUARRY_BENCH_RUNS ?? 3);
const TURNS = Number(process.env.QUARRY_BENCH_TURNS ?? 200);
const TARGET = { p50: 5, p99: 25 };

const host = await machine();
const quarry = await startInProcessApp({ scale: 0.1 });
try {
  const { POST } = await import('@/app/api/chat/route');
  const model = instantModel('SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY n DESC', 'Orders by status.');
  let modelMs = 0;
  const doStream = model.doStream;
  model.doStream = async (options) => {
    const started = performance.now();
    const result = await doStream(options);
    modelMs += performance.now() - started;
    return result;
  };
  quarry.useModel(model);

  type Sample = { firstByte: number; complete: number; sql: number; model: number; overhead: number };
  async function turn(conversationId: string, i: number): Promise<Sample> {
    modelMs = 0;
    const body = JSON.stringify({ conversationId, datasetId: quarry.datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text: `Orders by status, take ${i}` }] } });
    const started = performance.now();
    const response = await POST(new Request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', cookie: quarry.cookie }, body }));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let firstByte = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      firstByte ||= performance.now() - started;
      text += decoder.decode(value, { stream: true });
    }
    const complete = performance.now() - started;
    const output = /"type":"tool-output-available".*?"durationMs":(\d+(?:\.\d+)?)/.exec(text);
    if (response.status !== 200 || !output) throw new Error(`turn failed: HTTP ${response.status} ${text.slice(0, 300)}`);
    const sql = Number(output[1]);
    return { firstByte, complete, sql, model: modelMs, overhead: complete - sql - modelMs };
  }

  async function run(turns: number): Promise<Sample[]> {
    const samples: Sample[] = [];
    let conversationId = crypto.randomUUID();
    for (let i = 0; i < turns; i++) {
      if (i % 5 === 0) conversationId = crypto.randomUUID();
      samples.push(await turn(conversationId, i));
    }
    return samples;
  }

  await run(20);
  const runs: Record<keyof Sample, { p50: number; p99: number }>[] = [];
  for (let r = 0; r < RUNS; r++) {
    const samples = await run(TURNS);
    const stats = (key: keyof Sample) => {
      const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    runs.push({ firstByte: stats('firstByte'), complete: stats('complete'), sql: stats('sql'), model: stats('model'), overhead: stats('overhead') });
  }
  const med = (key: keyof Sample, p: 'p50' | 'p99') => Number(median(runs.map((r) => r[key][p])).toFixed(2));
  const rows = (['firstByte', 'complete', 'sql', 'model', 'overhead'] as const).map((key) => ({ key, p50: med(key, 'p50'), p99: med(key, 'p99') }));
  const overhead = rows.find((r) => r.key === 'overhead')!;
  const result = {
    turnsPerRun: TURNS,
    runs: RUNS,
    ms: Object.fromEntries(rows.map((r) => [r.key, { p50: r.p50, p99: r.p99 }])),
    target: TARGET,
    machine: host,
    ok: overhead.p50 <= TARGET.p50 && overhead.p99 <= TARGET.p99,
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/turn.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench turn: ${TURNS} turns x ${RUNS} runs, instant scripted model, one runQuery per turn (medians of the runs)`);
  console.log(`  ${describeMachine(host)}`);
  console.table(Object.fromEntries(rows.map((r) => [r.key, { 'p50 ms': r.p50, 'p99 ms': r.p99 }])));
  console.log(`  overhead p50 ${overhead.p50} ms (target <= ${TARGET.p50}), p99 ${overhead.p99} ms (target <= ${TARGET.p99})   ${result.ok ? 'ok' : 'MISSED'}`);
  console.log('  written to bench/results/turn.json');
} finally {
  await quarry.stop();
}
process.exit(0);
