/**
 * Growth: the sample warehouse at increasing scales (QUARRY_BENCH_GROWTH_SCALES, default
 * "0.1,1,10"; scale 1 is about 60,000 order lines, so 170 is about 10 million). For each scale,
 * the built-in planner answers the same questions through the chat route in process; each
 * question's SQL is then run raw with psql-like directness (a plain pg client, same SQL and
 * params) right after each of the RUNS turns. The app's share (turn time minus the raw SQL time)
 * must stay flat while only the warehouse's own work grows; `rawSpreadMs`, how much the raw SQL
 * varied between its runs, is the noise the share is read against. Also the process's peak RSS
 * and heap per scale. Prints a table and writes bench/results/growth.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { ask, median, startInProcessApp } from '../../tests/helpers/in-process-app';

const SCALES = (process.env.QUARRY_BENCH_GROWTH_SCALES ?? '0.1,1,10').split(',').map(Number);
const RUNS = Number(process.env.QUARRY_BENCH_RUNS ?? 3);
const QUESTIONS = ['How many orders are there?', 'Total revenue by region', 'Monthly revenue', 'Top 5 products by revenue', 'Average order value by customer segment'];

const quarry = await startInProcessApp({ scale: 0.1 });
try {
  const { POST } = await import('@/app/api/chat/route');
  const { withDatabase } = await import('@/db/bootstrap');
  const { loadSampleWarehouse } = await import('@/db/seed/warehouse');
  const { provisionReaderRole } = await import('@/lib/warehouse/reader-role');
  const { createDataset } = await import('@/lib/datasets/service');
  const { grantDatasets } = await import('@/db/queries');
  const app = new pg.Client({ connectionString: quarry.databaseUrl });
  await app.connect();
  const analystId = (await app.query<{ id: string }>("SELECT id FROM \"user\" WHERE email LIKE 'bench-%' LIMIT 1")).rows[0]!.id;
  await app.end();

  const rows: Record<string, unknown>[] = [];
  for (const scale of SCALES) {
    const database = `growth_${String(scale).replace('.', '_')}`;
    const admin = new pg.Client({ connectionString: withDatabase(quarry.databaseUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const superuser = withDatabase(quarry.databaseUrl, database);
    const warehouse = new pg.Client({ connectionString: superuser });
    await warehouse.connect();
    let started = performance.now();
    await loadSampleWarehouse(warehouse, { scale });
    const loadSeconds = (performance.now() - started) / 1000;
    const orderLines = (await warehouse.query<{ n: number }>('SELECT count(*)::int AS n FROM order_items')).rows[0]!.n;
    await provisionReaderRole({ admin: warehouse, role: `${database}_reader`, password: 'growth-reader', schemas: ['public'] });
    const reader = new URL(superuser);
    reader.username = `${database}_reader`;
    reader.password = 'growth-reader';
    const dataset = await createDataset({ name: `Growth ${scale}`, slug: `growth-${String(scale).replace('.', '-')}-${Date.now()}`, description: '', connection: reader.toString(), schemas: ['public'] });
    await grantDatasets(analystId, [dataset.id]);

    let rssPeak = 0;
    let heapPeak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 20);
    const turnMs: number[] = [];
    const sqlMs: number[] = [];
    const spreadMs: number[] = [];
    let answered = 0;
    for (const question of QUESTIONS) {
      const turns: number[] = [];
      const raw: number[] = [];
      // Each app turn is followed by the same SQL run raw, so the cache and the machine's load
      // weigh on both alike.
      for (let r = 0; r < RUNS; r++) {
        const { status, completeMs, chunks } = await ask(POST, { cookie: quarry.cookie, conversationId: crypto.randomUUID(), datasetId: dataset.id, text: question });
        const input = chunks.find((c) => c.type === 'tool-input-available')?.input as { sql: string; params?: unknown[] } | undefined;
        const ok = chunks.some((c) => c.type === 'tool-output-available' && (c.output as { ok?: boolean })?.ok);
        if (status !== 200 || !input || !ok) break;
        turns.push(completeMs);
        started = performance.now();
        await warehouse.query(input.sql, input.params ?? []);
        raw.push(performance.now() - started);
      }
      if (turns.length < RUNS) continue;
      answered++;
      turnMs.push(median(turns));
      sqlMs.push(median(raw));
      spreadMs.push(Math.max(...raw) - Math.min(...raw));
    }
    clearInterval(sampler);
    await warehouse.end();
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const perQuestion = (xs: number[]) => Number((sum(xs) / Math.max(1, xs.length)).toFixed(1));
    rows.push({
      scale,
      orderLines,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      answered,
      turnMs: perQuestion(turnMs),
      rawSqlMs: perQuestion(sqlMs),
      appMs: perQuestion(turnMs.map((t, i) => t - sqlMs[i]!)),
      rawSpreadMs: perQuestion(spreadMs),
      rssPeakMb: Math.round(rssPeak / 2 ** 20),
      heapPeakMb: Math.round(heapPeak / 2 ** 20),
    });
    console.log(`  scale ${scale}: ${orderLines.toLocaleString('en-US')} order lines loaded in ${loadSeconds.toFixed(1)} s`);
  }
  const apps = rows.map((r) => r.appMs as number);
  // Flat: no scale's share beyond twice the smallest scale's plus 10 ms, unless it is within how
  // much the raw SQL itself varied between runs at that scale (a 4 s query varies by more than
  // the app costs).
  const ceiling = apps[0]! * 2 + 10;
  const flat = rows.every((r) => (r.appMs as number) <= Math.max(ceiling, r.rawSpreadMs as number));
  const result = { questions: QUESTIONS, runs: RUNS, scales: rows, appShareFlat: flat, at: new Date().toISOString() };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/growth.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench growth: ${QUESTIONS.length} questions x ${RUNS} runs per scale, built-in planner; ms per answered question (mean of per-question medians)`);
  console.table(Object.fromEntries(rows.map(({ scale, ...r }) => [`scale ${scale}`, r])));
  console.log(`  app share (turn - raw SQL) ${apps.join(' -> ')} ms   ${flat ? 'flat: ok' : 'GROWS'}`);
  console.log('  written to bench/results/growth.json');
} finally {
  await quarry.stop();
}
process.exit(0);
