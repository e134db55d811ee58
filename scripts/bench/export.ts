/**
 * A 1,000,000-row CSV export through the app (GET /api/queries/[id]/csv) against psql's
 * `\copy (same query) to stdout csv header`, in the same run: throughput ratio, and the growth
 * of the server's resident memory while it streams. Needs a production build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withDatabase } from '@/db/bootstrap';
import { signIn, startServer, stopServer, waitForHealth } from './server';

const ROWS = 1_000_000;
const PORT = 3290;
const SQL = 'SELECT order_id, line_number, product_id, quantity, unit_price, discount FROM order_items ORDER BY order_id, line_number';

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-export-'));
const server = startServer(PORT, dataDir, { QUARRY_SAMPLE_SCALE: '17', QUARRY_MAX_ROWS: '100' });
const base = `http://127.0.0.1:${PORT}`;
try {
  await waitForHealth(base, server);
  const cookie = await signIn(base, dataDir);
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { databaseUrl: string };
  const warehouseUrl = withDatabase(databaseUrl, 'quarry_sample');
  const nextPid = Number(execFileSync('pgrep', ['-P', String(server.pid), '-f', 'next']).toString().trim().split('\n')[0]);

  const html = await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.text());
  const datasetId = /"datasets":\[\{"id":"([0-9a-f-]{36})"/.exec(html.replaceAll('\\"', '"'))?.[1];
  if (!datasetId) throw new Error('could not find the sample dataset id on the chat page');
  const conversationId = crypto.randomUUID();
  const chat = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ conversationId, datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text: 'How many orders are there?' }] } }),
  });
  await chat.text();
  const { message } = await json<{ message: { parts: { output: { queryRunId: string } }[] } }>(
    await fetch(`${base}/api/queries`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ conversationId, sql: `${SQL} LIMIT ${ROWS}`, params: [] }) }),
  );
  const id = message.parts[0]!.output.queryRunId;

  // Warm both paths once, then measure.
  await fetch(`${base}/api/queries/${id}/csv`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const psql = () => {
    const started = performance.now();
    const out = execFileSync('psql', ['-X', '-q', '-d', warehouseUrl, '-c', `\\copy (${SQL} LIMIT ${ROWS}) to stdout csv header`], { maxBuffer: 1 << 30 });
    return { ms: performance.now() - started, bytes: out.length };
  };
  psql();

  const rssBefore = rssKb(nextPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(nextPid))), 20);
  const started = performance.now();
  const response = await fetch(`${base}/api/queries/${id}/csv`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.length;
    for (let i = r.value.indexOf(10); i !== -1; i = r.value.indexOf(10, i + 1)) lines++;
  }
  const appMs = performance.now() - started;
  clearInterval(sampler);
  const direct = psql();

  const ratio = direct.ms / appMs;
  const growthMb = (rssPeak - rssBefore) / 1024;
  console.log(`bench export: ${(lines - 1).toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV`);
  console.log(`  app    ${(appMs / 1000).toFixed(2)} s   ${(bytes / 1e6 / (appMs / 1000)).toFixed(1)} MB/s`);
  console.log(`  psql   ${(direct.ms / 1000).toFixed(2)} s   ${(direct.bytes / 1e6 / (direct.ms / 1000)).toFixed(1)} MB/s   (\\copy to stdout)`);
  console.log(`  throughput ratio app/psql ${ratio.toFixed(2)}x   target >= 0.9x   ${ratio >= 0.9 ? 'ok' : 'MISSED'}`);
  console.log(`  server RSS growth while streaming ${growthMb.toFixed(1)} MB   target < 100 MB   ${growthMb < 100 ? 'ok' : 'MISSED'}`);
} finally {
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
}
