/**
 * A generated CSV file (QUARRY_BENCH_LOAD_MB, default 256 MB) loaded through the app (preview,
 * then POST /api/admin/datasets/[id]/csv/load) against psql's `\copy` of the same file into a
 * table of the same columns, in the same run: throughput of each, their ratio, and the growth
 * of the server's resident memory while the app streams the upload. Prints a table and writes
 * bench/results/load.json. Needs a production build.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { withDatabase } from '@/db/bootstrap';
import { SAMPLE_BYTES, SQL_TYPES, type CsvPreview, type LoadPlan } from '@/lib/warehouse/csv/plan';
import { startServer, stopServer, waitForHealth } from './server';

const TARGET_MB = Number(process.env.QUARRY_BENCH_LOAD_MB ?? 256);
const PORT = 3292;
const REGIONS = ['North', 'South', 'East', 'West', '华东', 'Europe'];

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** Sales-like rows: integers, decimals, dates, timestamps, booleans, and quoted text with commas and quotes. */
async function generate(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('Order ID,Customer,Region,Amount,Units,Order Date,Shipped At,Paid,Note\n');
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    let chunk = '';
    for (let i = 0; i < 10_000; i++, rows++) {
      const day = String(1 + (rows % 28)).padStart(2, '0');
      const month = String(1 + (rows % 12)).padStart(2, '0');
      const note = rows % 7 === 0 ? `"gift, wrapped ""${rows % 100}"""` : rows % 3 === 0 ? '' : 'standard';
      chunk += `${rows + 1},Customer ${rows % 50_021},${REGIONS[rows % REGIONS.length]},${((rows * 7919) % 100_000) / 100},${1 + (rows % 9)},2024-${month}-${day},2024-${month}-${day} ${String(rows % 24).padStart(2, '0')}:15:00,${rows % 2 ? 'true' : 'false'},${note}\n`;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

async function signInAdmin(base: string, dataDir: string): Promise<string> {
  const users = JSON.parse(readFileSync(path.join(dataDir, 'demo-users.json'), 'utf8')) as { email: string; password: string; role: string }[];
  const { email, password } = users.find((u) => u.role === 'admin')!;
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin sign-in failed: HTTP ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-load-'));
const csvFile = path.join(dataDir, 'bench-sales.csv');
const server = startServer(PORT, dataDir);
const base = `http://127.0.0.1:${PORT}`;
try {
  const rows = await generate(csvFile, TARGET_MB * 1e6);
  const { size } = await stat(csvFile);
  await waitForHealth(base, server);
  const cookie = await signInAdmin(base, dataDir);
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { databaseUrl: string };
  const warehouseUrl = withDatabase(databaseUrl, 'quarry_sample');
  const app = new pg.Client({ connectionString: databaseUrl });
  await app.connect();
  const datasetId = (await app.query<{ id: string }>("SELECT id FROM datasets WHERE slug = 'sample'")).rows[0]!.id;
  await app.end();
  const nextPid = Number(execFileSync('pgrep', ['-P', String(server.pid), '-f', 'next']).toString().trim().split('\n')[0]);

  const handle = await open(csvFile);
  const sample = Buffer.alloc(SAMPLE_BYTES);
  await handle.read(sample, 0, SAMPLE_BYTES, 0);
  await handle.close();
  const previewResponse = await fetch(`${base}/api/admin/datasets/${datasetId}/csv/preview?filename=bench-sales.csv&size=${size}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: sample,
  });
  if (!previewResponse.ok) throw new Error(`preview: HTTP ${previewResponse.status} ${await previewResponse.text()}`);
  const preview = (await previewResponse.json()) as CsvPreview;
  const plan: LoadPlan = { table: 'bench_load_app', delimiter: preview.delimiter, columns: preview.columns, bytes: size, filename: 'bench-sales.csv' };

  async function* body() {
    yield Buffer.from(`${JSON.stringify(plan)}\n`);
    yield* createReadStream(csvFile, { highWaterMark: 1 << 20 });
  }
  const rssBefore = rssKb(nextPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(nextPid))), 20);
  let started = performance.now();
  const loadResponse = await fetch(`${base}/api/admin/datasets/${datasetId}/csv/load`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  const loaded = (await loadResponse.json()) as { rows: number; error?: string };
  const appMs = performance.now() - started;
  clearInterval(sampler);
  if (!loadResponse.ok) throw new Error(`load: HTTP ${loadResponse.status} ${loaded.error}`);

  const columns = preview.columns.map((c) => `${pg.escapeIdentifier(c.name)} ${SQL_TYPES[c.type]}`).join(', ');
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', warehouseUrl, '-c', `CREATE TABLE bench_load_psql (${columns})`]);
  started = performance.now();
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', warehouseUrl, '-c', `\\copy bench_load_psql from '${csvFile}' with (format csv, header)`]);
  const psqlMs = performance.now() - started;

  const mbps = (ms: number) => size / 1e6 / (ms / 1000);
  const ratio = psqlMs / appMs;
  const growthMb = (rssPeak - rssBefore) / 1024;
  const result = {
    file: { bytes: size, rows, columns: preview.columns.map((c) => `${c.name} ${c.type}`) },
    app: { ms: Math.round(appMs), mbPerSecond: Number(mbps(appMs).toFixed(1)), rows: loaded.rows },
    psql: { ms: Math.round(psqlMs), mbPerSecond: Number(mbps(psqlMs).toFixed(1)) },
    ratio: Number(ratio.toFixed(2)),
    serverRss: { beforeMb: Math.round(rssBefore / 1024), peakMb: Math.round(rssPeak / 1024), growthMb: Number(growthMb.toFixed(1)) },
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/load.json', `${JSON.stringify(result, null, 2)}\n`);

  console.log(`bench load: ${(size / 1e6).toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows, ${preview.columns.length} columns`);
  console.table({
    'app (streamed upload + COPY)': { seconds: (appMs / 1000).toFixed(2), 'MB/s': mbps(appMs).toFixed(1), rows: loaded.rows },
    'psql \\copy': { seconds: (psqlMs / 1000).toFixed(2), 'MB/s': mbps(psqlMs).toFixed(1), rows },
  });
  console.log(`  throughput ratio app/psql ${ratio.toFixed(2)}x   target >= 0.8x   ${ratio >= 0.8 ? 'ok' : 'MISSED'}`);
  console.log(`  server RSS growth while loading ${growthMb.toFixed(1)} MB (from ${result.serverRss.beforeMb} MB)   target < 100 MB   ${growthMb < 100 ? 'ok' : 'MISSED'}`);
  console.log('  written to bench/results/load.json');
} finally {
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
}
