import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { auth } from '@/lib/auth/auth';

describe.skipIf(!server)(`changing one's password on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const origin = `http://localhost:${process.env.PORT ?? 3000}`;
  // Each request from its own address: Better Auth rate-limits these endpoints per IP.
  let address = 0;
  const ip = () => `198.51.100.${++address}`;
  const changePassword = (body: unknown, cookie = env.users.other.cookie) =>
    auth().handler(
      new Request(`${origin}/api/auth/change-password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin, 'x-forwarded-for': ip() }, body: JSON.stringify(body) }),
    );
  const signIn = (password: string) =>
    auth().handler(
      new Request(`${origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': ip() },
        body: JSON.stringify({ email: env.users.other.email, password }),
      }),
    );

  it('refuses a wrong current password and a short new one, and changes nothing', async () => {
    expect((await changePassword({ currentPassword: 'not the password', newPassword: 'a brand new secret' })).status).toBe(400);
    expect((await changePassword({ currentPassword: 'correct horse battery', newPassword: 'short' })).status).toBe(400);
    expect((await changePassword({ currentPassword: 'correct horse battery', newPassword: 'a brand new secret' }, '')).status).toBe(401);
    expect((await signIn('correct horse battery')).status).toBe(200);
  });

  it('changes it: the old password stops working, the new one works', async () => {
    const response = await changePassword({ currentPassword: 'correct horse battery', newPassword: 'a brand new secret', revokeOtherSessions: true });
    expect(response.status).toBe(200);
    expect((await signIn('correct horse battery')).status).toBe(401);
    expect((await signIn('a brand new secret')).status).toBe(200);
  });
});
