import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonEventStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';
import { E2E_DATA_DIR } from '../playwright.config';
import { appDatabaseUrl } from './databases';

/**
 * Extra app processes beside the e2e server, for what one process cannot show: an instance
 * killed mid-answer, two instances sharing Postgres and Redis, a server stopped mid-answer.
 */
export type Instance = {
  url: string;
  port: number;
  /** What the process printed so far. */
  output: () => string;
  /** SIGKILL: no shutdown handler runs, as when the machine or the OOM killer takes the process. */
  kill: () => Promise<void>;
  /** SIGTERM, as a supervisor stops a server; resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** Ctrl+C in its terminal (started with `terminal`); resolves with the exit code. */
  interrupt: () => Promise<number | null>;
};

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** With `terminal`, the process runs in a pseudo-terminal (util-linux `script`), in its foreground process group, as in a shell. */
async function start(args: string[], port: number, env: Record<string, string>, { terminal = false } = {}): Promise<Instance> {
  // `exec`: with no $SHELL (as in CI) `script` runs dash, which would stay in the group and die of the Ctrl+C itself.
  const command = ['exec', ...[process.execPath, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`)].join(' ');
  const [file, argv] = terminal ? ['script', ['-qfec', command, '/dev/null']] : [process.execPath, args];
  const child = spawn(file, argv, { env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: [terminal ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (data: Buffer) => (output += data));
  child.stderr!.on('data', (data: Buffer) => (output += data));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} on port ${port} exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} on port ${port} did not answer /api/health within 120 s:\n${output}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited(child);
    },
    interrupt: () => {
      if (!child.stdin) throw new Error('Ctrl+C needs a terminal: start the instance with `terminal`.');
      child.stdin.write('\x03');
      return exited(child);
    },
  };
}

/** `next start` on the e2e server's build and databases. */
export function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  return start([path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], port, {
    DATABASE_URL: appDatabaseUrl(),
    QUARRY_SECRET: readFileSync(path.join(E2E_DATA_DIR, 'secret'), 'utf8').trim(),
    ...env,
  });
}

/** Quarry as `npm start` runs it (scripts/serve.ts): its own embedded Postgres under `dataDir`. */
export function startQuarry(port: number, dataDir: string, env: Record<string, string>, options?: { terminal?: boolean }): Promise<Instance> {
  return start(['--import', 'tsx', path.resolve('scripts/serve.ts')], port, { QUARRY_DATA_DIR: dataDir, ...env }, options);
}

/** The Cookie header of the signed-in demo analyst (cookies are per host, not per port). */
export function analystCookie(): string {
  const state = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'analyst.json'), 'utf8')) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Reads a UI message stream's chunks as they arrive (the AI SDK's parser); `until` may end the reading early. */
export async function readChunks(response: Response, until?: (chunk: UIMessageChunk) => boolean): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    if (!value.success) throw value.error;
    chunks.push(value.value);
    if (until?.(value.value)) {
      void reader.cancel().catch(() => {});
      return chunks;
    }
  }
}

export const textOf = (chunks: UIMessageChunk[]) => chunks.flatMap((c) => (c.type === 'text-delta' ? [c.delta] : [])).join('');
