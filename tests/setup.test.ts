import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '@/app/setup/actions';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe.skipIf(!server)(`the one-time setup of the first admin, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let app: pg.Pool;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    app = new pg.Pool({ connectionString: env.appUrl, max: 1 });
    await app.query('DELETE FROM "user"');
  });
  afterAll(async () => {
    await app?.end();
    await env?.cleanup();
  });

  it('validates the form, creates the admin once, then refuses', async () => {
    expect(await createFirstAdmin({}, form({ name: 'Ada', email: 'not-an-email', password: 'long enough password' }))).toEqual({ error: 'Enter a valid email address.' });
    expect(await createFirstAdmin({}, form({ name: 'Ada', email: 'ada@example.com', password: 'short' }))).toEqual({ error: 'Use at least 10 characters for the password.' });
    await expect(createFirstAdmin({}, form({ name: 'Ada', email: 'ada@example.com', password: 'long enough password' }))).rejects.toThrow(/NEXT_REDIRECT/);
    const { rows } = await app.query('SELECT email, role FROM "user"');
    expect(rows).toEqual([{ email: 'ada@example.com', role: 'admin' }]);
    expect(await createFirstAdmin({}, form({ name: 'Eve', email: 'eve@example.com', password: 'long enough password' }))).toEqual({
      error: 'Quarry is already set up: sign in instead.',
    });
    expect((await app.query('SELECT count(*)::int AS n FROM "user"')).rows[0].n).toBe(1);
  });
});
