import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi, type MockInstance } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/db/embedded';

/**
 * The embedded Postgres after a run that did not stop it: a server left running by a process that
 * was SIGKILLed is stopped and the next start reuses the cluster with its data; a lock file
 * naming a process that is not that server (gone, unrelated, or still serving its starter) never
 * gets that process signalled. The run is made once, on the embedded project.
 */
const runsHere = inject('pg')?.name.startsWith('embedded') ?? false;
const repo = path.resolve(import.meta.dirname, '..');

const query = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

const firstLine = async (input: Readable) => {
  for await (const line of createInterface({ input })) return line as string;
};

/** The pid of a process that has exited. */
const exitedPid = async () => {
  const child = spawn('true');
  await once(child, 'exit');
  return child.pid!;
};

const commandLine = (pid: number) => readFile(`/proc/${pid}/cmdline`, 'utf8').then((text) => text.split('\0').join(' '), () => '');

describe.skipIf(!runsHere)('embedded Postgres restarts over what an earlier run left', () => {
  let dataDir: string;
  let databaseDir: string;
  let pidFile: string;
  /** Where startEmbeddedPostgres records the process that started the server. */
  let ownerFile: string;
  /** postmaster.pid as a running server wrote it: the tests put it back with other pids. */
  let lockFile: string[];
  let started: EmbeddedServer | undefined;
  let warn: MockInstance<typeof console.warn>;

  const rows = (server: EmbeddedServer) => query(server.url('postgres'), 'SELECT note FROM kept ORDER BY note');
  const lockFileFor = (pid: number) => [String(pid), ...lockFile.slice(1)].join('\n');
  /** The pid of a server still running on databaseDir, by its lock file and command line. */
  const serverOnDir = async () => {
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
    return pid && (await commandLine(pid)).includes(`-D ${databaseDir} `) ? pid : null;
  };

  beforeAll(async () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-restart-'));
    // Postgres runs as its own OS user when we are root: it must be able to reach its directory.
    await chmod(dataDir, 0o755);
    databaseDir = path.join(dataDir, 'pg');
    pidFile = path.join(databaseDir, 'postmaster.pid');
    ownerFile = path.join(dataDir, 'postgres.owner');
    const server = await startEmbeddedPostgres(dataDir);
    await query(server.url('postgres'), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before')");
    lockFile = (await readFile(pidFile, 'utf8')).split('\n');
    await server.stop();
  });
  afterEach(async () => {
    await started?.stop();
    started = undefined;
    warn.mockClear();
    // What a failed test left running would fail the next ones too.
    const leftover = await serverOnDir();
    if (leftover) process.kill(leftover, 'SIGQUIT');
    await expect.poll(serverOnDir, { timeout: 10_000, interval: 50 }).toBeNull();
  });
  afterAll(async () => {
    warn.mockRestore();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.skipIf(process.platform !== 'linux')('stops the server of a process that was SIGKILLed, then starts on the same data', async () => {
    const code = `const { startEmbeddedPostgres } = await import('./db/embedded.ts');
      console.log((await startEmbeddedPostgres(${JSON.stringify(dataDir)})).url('postgres'));
      setInterval(() => {}, 60_000);`;
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(owner, 'exit');
    try {
      const url = await firstLine(owner.stdout!);
      expect(url).toMatch(/^postgres:\/\//);
      await query(url!, "INSERT INTO kept VALUES ('while it ran')");
      const postmaster = await serverOnDir();
      expect(postmaster).toBeGreaterThan(0);

      owner.kill('SIGKILL');
      await exited;
      expect(await serverOnDir()).toBe(postmaster);

      started = await startEmbeddedPostgres(dataDir);
      expect(warn.mock.calls).toEqual([[`[quarry] A Postgres server (pid ${postmaster}) left running by an earlier run held ${databaseDir}: stopped it (fast shutdown) before starting.`]]);
      expect(await commandLine(postmaster!)).not.toContain(databaseDir);
      expect(await rows(started)).toEqual([{ note: 'before' }, { note: 'while it ran' }]);
    } finally {
      owner.kill('SIGKILL');
    }
  });

  it('leaves alone a server whose starting process still runs: Postgres refuses the second start and says why', async () => {
    started = await startEmbeddedPostgres(dataDir);
    const postmaster = await serverOnDir();
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(new RegExp(`lock file "postmaster.pid" already exists.*PID ${postmaster}\\b`));
    expect(warn).not.toHaveBeenCalled();
    expect((await rows(started))[0]).toEqual({ note: 'before' });
  });

  it('never signals an unrelated live process the lock file names, its pid reused after the server went', async () => {
    await writeFile(ownerFile, String(await exitedPid()));
    const sleeper = spawn('sleep', ['600']);
    const exit = once(sleeper, 'exit');
    await writeFile(pidFile, lockFileFor(sleeper.pid!));
    const outcome = await startEmbeddedPostgres(dataDir).then(
      (server) => (started = server),
      (error: Error) => error,
    );
    sleeper.kill('SIGTERM');
    expect(await exit).toEqual([null, 'SIGTERM']);
    expect(warn).not.toHaveBeenCalled();
    // Postgres takes a lock file as stale when it may not signal the process it names, which is
    // the case when it runs as its own user because we are root; otherwise it refuses, saying so.
    if (process.getuid?.() === 0) expect(outcome).toBe(started);
    else expect(outcome).toEqual(expect.objectContaining({ message: expect.stringMatching(new RegExp(`already exists.*PID ${sleeper.pid}\\b`)) }));
  });

  it('starts over a lock file whose process is gone', async () => {
    await writeFile(pidFile, lockFileFor(await exitedPid()));
    started = await startEmbeddedPostgres(dataDir);
    expect(warn).not.toHaveBeenCalled();
    expect((await rows(started))[0]).toEqual({ note: 'before' });
  });

  it.each([
    ['its configuration file', 'postgresql.conf', /could not open configuration file ".*postgresql\.conf": Permission denied FATAL: configuration file .* contains errors/],
    ['its data folder, before its logging is set up', '.', /could not access the server configuration file ".*postgresql\.conf": Permission denied/],
  ])('says why when Postgres cannot read %s', async (_, file, reason) => {
    const target = path.join(databaseDir, file);
    await chmod(target, 0o000);
    try {
      await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(reason);
    } finally {
      await chmod(target, 0o700);
    }
  });

  it('stops when the server has already stopped by itself, as Ctrl+C in a terminal makes it', { timeout: 20_000 }, async () => {
    const server = await startEmbeddedPostgres(dataDir);
    const postmaster = (await serverOnDir())!;
    process.kill(postmaster, 'SIGINT');
    await expect.poll(serverOnDir, { timeout: 10_000, interval: 50 }).toBeNull();
    await server.stop();
  });
});
