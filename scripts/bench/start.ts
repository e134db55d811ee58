/**
 * Time from starting the demo server to the first chat page served: cold (an empty data
 * directory, so Postgres is initialised and the sample warehouse generated and loaded) and warm
 * (the same directory again). Needs a production build (`npm run build`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signIn, startServer, stopServer, waitForHealth } from './server';

const TARGETS = { cold: 15_000, warm: 5_000 };
const WARM_RUNS = 3;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Start -> the chat page served to a signed-in analyst (the health check, sign-in included). */
async function timeToFirstPage(dataDir: string): Promise<number> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Four sign-ins within seconds would meet the sign-in rate limit (3 per 10 s), which is not what this measures.
  const server = startServer(port, dataDir, { QUARRY_RATE_LIMIT: 'off' });
  try {
    await waitForHealth(base, server);
    const cookie = await signIn(base, dataDir);
    const html = await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.text());
    if (!html.includes('<textarea')) throw new Error('the chat page did not render');
    return performance.now() - started;
  } finally {
    await stopServer(server);
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
