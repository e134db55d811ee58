import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { bootstrap } from '@/db/bootstrap';

describe.skipIf(!server)(`booting again on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it('samples the low-cardinality text columns of the sample warehouse, so the planner links values from the start', async () => {
    const app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    try {
      const { rows } = await app.query('SELECT sampled_values FROM datasets WHERE id = $1', [env.datasetId]);
      const { rows: regions } = await env.warehouse('SELECT DISTINCT region FROM customers ORDER BY 1');
      expect(rows[0].sampled_values['public.customers.region']).toEqual(regions.map((r) => r.region));
    } finally {
      await app.end();
    }
  });

  it("keeps what an admin edited on the sample dataset, and refreshes only its connections", async () => {
    const app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    try {
      await app.query(`UPDATE datasets SET starter_questions = '["Our own question"]', description = 'Edited', sampled_values = '{}' WHERE id = $1`, [env.datasetId]);
      await bootstrap({ dataDir: await mkdtemp(path.join(tmpdir(), 'quarry-boot-')), seed: true, log: () => {} });
      const { rows } = await app.query('SELECT starter_questions, description, sampled_values FROM datasets WHERE id = $1', [env.datasetId]);
      expect(rows).toEqual([{ starter_questions: ['Our own question'], description: 'Edited', sampled_values: {} }]);
    } finally {
      await app.end();
    }
  });

  it('does not bring back a sample dataset an admin deleted', async () => {
    await env.app('DELETE FROM datasets WHERE id = $1', [env.datasetId]);
    await bootstrap({ dataDir: await mkdtemp(path.join(tmpdir(), 'quarry-boot-')), seed: true, log: () => {} });
    expect((await env.app("SELECT count(*)::int AS n FROM datasets WHERE slug = 'sample'")).rows).toEqual([{ n: 0 }]);
  });
});
