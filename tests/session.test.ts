import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';
import { auth } from '@/lib/auth/auth';
import { createUser } from '@/lib/auth/users';
import { getUser } from '@/lib/auth/session';

const { POST } = await import('@/app/api/chat/route');

/** getUser reads a live session itself and leaves every other case to Better Auth: both must agree. */
describe.skipIf(!server)(`who is signed in, on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const as = (cookie: string) => getUser(new Headers({ cookie }));
  /** A fresh user signed in once: its session cookie and its token. */
  async function signedIn(role: 'admin' | 'analyst' = 'analyst') {
    const email = `session-${crypto.randomUUID().slice(0, 8)}@test.local`;
    const id = await createUser(email, 'correct horse battery', role);
    const response = await auth().api.signInEmail({ body: { email, password: 'correct horse battery' }, asResponse: true });
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { rows } = await env.app('SELECT token FROM session WHERE user_id = $1', [id]);
    return { id, email, cookie, token: rows[0].token as string };
  }

  it('knows a signed-in user and their role, from the cookie Better Auth set', async () => {
    const analyst = await signedIn();
    expect(await as(analyst.cookie)).toEqual({ id: analyst.id, email: analyst.email, name: expect.any(String), role: 'analyst' });
    const admin = await signedIn('admin');
    expect((await as(`theme=dark; ${admin.cookie}; other=1`))?.role).toBe('admin');
    expect((await auth().api.getSession({ headers: new Headers({ cookie: admin.cookie }) }))?.user.id).toBe(admin.id);
  });

  it('refuses no cookie, a forged or altered signature, and a token with no session', async () => {
    const { cookie, token } = await signedIn();
    const [name, value] = cookie.split('=') as [string, string];
    const signature = decodeURIComponent(value).slice(token.length + 1);
    expect(await as('')).toBeNull();
    expect(await as(`${name}=${token}`)).toBeNull();
    expect(await as(`${name}=${encodeURIComponent(`${token}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)}`)).toBeNull();
    const other = await signedIn();
    expect(await as(`${name}=${encodeURIComponent(`${other.token}.${signature}`)}`)).toBeNull();
    expect(await as(`${name}=%E0%A4%A`)).toBeNull();
    await env.app('DELETE FROM session WHERE token = $1', [token]);
    expect(await as(cookie)).toBeNull();
  });

  it('refuses a disabled user at once, and an expired session, which Better Auth then deletes', async () => {
    const banned = await signedIn();
    await env.app('UPDATE "user" SET banned = true WHERE id = $1', [banned.id]);
    expect(await as(banned.cookie)).toBeNull();
    const expired = await signedIn();
    await env.app("UPDATE session SET expires_at = now() - interval '1 minute' WHERE token = $1", [expired.token]);
    expect(await as(expired.cookie)).toBeNull();
    expect((await env.app('SELECT count(*)::int AS n FROM session WHERE token = $1', [expired.token])).rows[0].n).toBe(0);
  });

  it('lets Better Auth refresh a session that is due: it stays signed in, for 14 more days', async () => {
    const due = await signedIn();
    await env.app("UPDATE session SET expires_at = now() + interval '2 days' WHERE token = $1", [due.token]);
    expect((await as(due.cookie))?.id).toBe(due.id);
    const { rows } = await env.app("SELECT expires_at > now() + interval '13 days' AS refreshed FROM session WHERE token = $1", [due.token]);
    expect(rows[0].refreshed).toBe(true);
  });

  // A chat turn reads its session together with its dataset, in one statement: the same rules.
  describe('on a chat turn', () => {
    const turn = (cookie: string, body: unknown = { conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage('How many orders?') }) =>
      POST(chatRequest(body, { cookie }));

    it('answers a live session, and refuses a disabled user, an expired session and a forged cookie', async () => {
      scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');
      const admin = await signedIn('admin');
      const response = await turn(admin.cookie);
      expect(response.status).toBe(200);
      expect((await readChat(response)).message?.parts.some((p) => p.type === 'text' && p.text === 'Counted.')).toBe(true);

      const banned = await signedIn('admin');
      await env.app('UPDATE "user" SET banned = true WHERE id = $1', [banned.id]);
      expect((await turn(banned.cookie)).status).toBe(401);
      const expired = await signedIn('admin');
      await env.app("UPDATE session SET expires_at = now() - interval '1 minute' WHERE token = $1", [expired.token]);
      expect((await turn(expired.cookie)).status).toBe(401);
      expect((await turn(`${admin.cookie.split('=')[0]}=${admin.token}.${'A'.repeat(43)}=`)).status).toBe(401);
    });

    it('lets Better Auth refresh a session that is due, then answers', async () => {
      scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');
      const due = await signedIn('admin');
      await env.app("UPDATE session SET expires_at = now() + interval '2 days' WHERE token = $1", [due.token]);
      const response = await turn(due.cookie);
      expect(response.status).toBe(200);
      await readChat(response);
      const { rows } = await env.app("SELECT expires_at > now() + interval '13 days' AS refreshed FROM session WHERE token = $1", [due.token]);
      expect(rows[0].refreshed).toBe(true);
    });

    it('answers a malformed request 400 for a live session and 401 for a dead one', async () => {
      const live = await signedIn();
      expect((await turn(live.cookie, { nonsense: true })).status).toBe(400);
      const dead = await signedIn();
      await env.app('DELETE FROM session WHERE token = $1', [dead.token]);
      expect((await turn(dead.cookie, { nonsense: true })).status).toBe(401);
    });
  });
});
