import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** The production server on `dataDir`, as `npm start` runs it (embedded Postgres, local model). */
export function startServer(port: number, dataDir: string, extraEnv: Record<string, string> = {}): ChildProcess {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), QUARRY_DATA_DIR: dataDir, QUARRY_MODEL: 'local', QUARRY_DEMO_USERS: '1', ...extraEnv };
  delete env.DATABASE_URL;
  delete env.SAMPLE_WAREHOUSE_URL;
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Signs in as the demo analyst the server created; returns the session cookie. */
export async function signIn(base: string, dataDir: string): Promise<string> {
  const users = JSON.parse(readFileSync(`${dataDir}/demo-users.json`, 'utf8')) as { email: string; password: string; role: string }[];
  const { email, password } = users.find((u) => u.role === 'analyst')!;
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}
