import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@/db/embedded';

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'quarry-test-pg-'));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres(dir);
  project.provide('pg', { name: 'embedded Postgres 18', url: server.url('postgres') });
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
