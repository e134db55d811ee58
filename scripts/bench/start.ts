/**
 * Time from starting the demo server to the first chat page served: cold (an empty data
 * directory, so Postgres is initialised and the sample warehouse generated and loaded) and warm
 * (the same directory again). Needs a production build (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TARGETS = { cold: 15_000, warm: 5_000 };
const WARM_RUNS = 3;

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function timeToFirstPage(dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), QUARRY_DATA_DIR: dataDir, QUARRY_MODEL: 'local' };
  delete env.DATABASE_URL;
  delete env.SAMPLE_WAREHOUSE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok && r.text().then((html) => html.includes('<textarea')), () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-start-'));
try {
  const cold = await timeToFirstPage(dataDir);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await timeToFirstPage(dataDir));
  const median = warm.sort((a, b) => a - b)[Math.floor(WARM_RUNS / 2)]!;
  const line = (label: string, ms: number, target: number) =>
    `${label.padEnd(6)} ${(ms / 1000).toFixed(2).padStart(6)} s   target <= ${target / 1000} s   ${ms <= target ? 'ok' : 'MISSED'}`;
  console.log('bench start: demo server start -> first chat page served');
  console.log(line('cold', cold, TARGETS.cold));
  console.log(line('warm', median, TARGETS.warm) + `   (median of ${WARM_RUNS}: ${warm.map((w) => (w / 1000).toFixed(2)).join(', ')} s)`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
