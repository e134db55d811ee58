import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const authRoute = await import('@/app/api/auth/[...all]/route');

// Who may use which route, page and action is in tests/authorization-matrix.test.ts.
describe.skipIf(!server)(`signing in, on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  /** A sign-in with a wrong password, from `ip`. */
  const attempt = (ip: string, email = env.users.analyst.email) =>
    authRoute.POST(
      new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': ip },
        body: JSON.stringify({ email, password: 'wrong password!' }),
      }),
    );

  it('a wrong password gets one generic answer, and repeated attempts are rate limited', async () => {
    const first = await attempt('203.0.113.9');
    expect(first.status).toBe(401);
    const unknown = await attempt('203.0.113.10', 'nobody@test.local');
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe(await first.text());
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('203.0.113.9')).status);
    expect(statuses).toContain(429);
  });

  it('the limit is shared by every app instance: its counts live in the database, not in memory', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('203.0.113.77')).status);
    expect(statuses).toContain(429);
    // Another instance: a new Better Auth with nothing in its memory.
    (globalThis as { quarryAuth?: unknown }).quarryAuth = undefined;
    expect((await attempt('203.0.113.77')).status).toBe(429);
    expect((await env.app("SELECT count(*)::int AS n FROM rate_limit WHERE key LIKE '%203.0.113.77%'")).rows).toEqual([{ n: 1 }]);
  });
});
