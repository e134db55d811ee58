/**
 * Guard cost per statement over the red-team corpus (p50, p99), and the added cost of the
 * read-only execution wrapper over a bare `pool.query` for a trivial SELECT, on an embedded
 * Postgres started for the run.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/db/embedded';
import { checkSqlSync, loadGuard, type GuardPolicy } from '@/lib/warehouse/guard';
import { runReadOnly } from '@/lib/warehouse/run';
import { allowed } from '@/tests/guard/allowed';
import { attacks } from '@/tests/guard/attacks';

const ROUNDS = 20;
const QUERIES = 2_000;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(3)} ms`;

const policy: GuardPolicy = {
  tables: ['customers', 'products', 'orders', 'order_items', 'returns', 'social_posts'].map((t) => `public.${t}`),
  searchPath: ['public'],
};

await loadGuard();
const statements = [...attacks, ...allowed];
const timings: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const s of statements) {
    const started = performance.now();
    checkSqlSync(s.sql, s.params ?? [], policy);
    timings.push(performance.now() - started);
  }
}
timings.sort((a, b) => a - b);
console.log(`bench guard: ${statements.length} statements x ${ROUNDS} rounds`);
console.log(`  guard p50 ${ms(quantile(timings, 0.5))}   p99 ${ms(quantile(timings, 0.99))}   target p50 < 1 ms   ${quantile(timings, 0.5) < 1 ? 'ok' : 'MISSED'}`);

const dir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-guard-'));
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres(dir);
const pool = new pg.Pool({ connectionString: server.url('postgres'), max: 1 });
try {
  const bare: number[] = [];
  const wrapped: number[] = [];
  const options = { maxRows: 1000, timeoutMs: 5000, searchPath: ['public'] };
  for (let i = 0; i < 200; i++) await runReadOnly(pool, 'SELECT 1', [], options); // warm-up
  for (let i = 0; i < QUERIES; i++) {
    let started = performance.now();
    await pool.query('SELECT 1');
    bare.push(performance.now() - started);
    started = performance.now();
    await runReadOnly(pool, 'SELECT 1', [], options);
    wrapped.push(performance.now() - started);
  }
  bare.sort((a, b) => a - b);
  wrapped.sort((a, b) => a - b);
  const added = quantile(wrapped, 0.5) - quantile(bare, 0.5);
  console.log(`bench read-only wrapper: ${QUERIES} trivial SELECTs, interleaved`);
  console.log(`  bare pool.query p50 ${ms(quantile(bare, 0.5))}   runReadOnly p50 ${ms(quantile(wrapped, 0.5))}`);
  console.log(`  added cost p50 ${ms(added)}   target <= 1.5 ms   ${added <= 1.5 ? 'ok' : 'MISSED'}`);
} finally {
  await pool.end();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
