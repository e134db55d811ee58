import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonRequest } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { AuditFiltersForm } from '@/components/admin/audit/filters';
import { RunsTable } from '@/components/admin/audit/runs-table';
import { AdminNav } from '@/components/admin/nav';
import { AccountActions } from '@/components/admin/users/account-actions';
import { CreateUserDialog } from '@/components/admin/users/create-user-dialog';
import { GrantsForm } from '@/components/admin/users/grants-form';
import { LimitsForm } from '@/components/admin/users/limits-form';
import { UsageTable } from '@/components/admin/users/usage-table';
import { UsersTable } from '@/components/admin/users/users-table';
import { auth } from '@/lib/auth/auth';
import enAdmin from '@/messages/en/admin.json';
import zhAdmin from '@/messages/zh/admin.json';

vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof import('next/navigation')>()),
  useRouter: () => ({ push: () => {}, refresh: () => {} }),
  usePathname: () => '/admin/users',
}));

const users = await import('@/app/api/admin/users/route');
const one = await import('@/app/api/admin/users/[id]/route');
const password = await import('@/app/api/admin/users/[id]/password/route');
const grants = await import('@/app/api/admin/users/[id]/grants/route');
const limits = await import('@/app/api/admin/users/[id]/limits/route');

type Who = 'anonymous' | 'analyst' | 'admin';

describe.skipIf(!server)(`admins manage users, on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const cookie = (who: Who) => (who === 'anonymous' ? '' : env.users[who].cookie);
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const call = {
    list: (who: Who, query = '') => users.GET(jsonRequest(`/api/admin/users${query}`, null, { method: 'GET', cookie: cookie(who) })),
    create: (who: Who, body: unknown) => users.POST(jsonRequest('/api/admin/users', body, { cookie: cookie(who) })),
    get: (who: Who, id: string) => one.GET(jsonRequest(`/api/admin/users/${id}`, null, { method: 'GET', cookie: cookie(who) }), params(id)),
    patch: (who: Who, id: string, body: unknown) => one.PATCH(jsonRequest(`/api/admin/users/${id}`, body, { method: 'PATCH', cookie: cookie(who) }), params(id)),
    remove: (who: Who, id: string) => one.DELETE(jsonRequest(`/api/admin/users/${id}`, null, { method: 'DELETE', cookie: cookie(who) }), params(id)),
    password: (who: Who, id: string, body: unknown) => password.POST(jsonRequest(`/api/admin/users/${id}/password`, body, { cookie: cookie(who) }), params(id)),
    grants: (who: Who, id: string, body: unknown) => grants.PUT(jsonRequest(`/api/admin/users/${id}/grants`, body, { method: 'PUT', cookie: cookie(who) }), params(id)),
    limits: (who: Who, id: string, body: unknown) => limits.PUT(jsonRequest(`/api/admin/users/${id}/limits`, body, { method: 'PUT', cookie: cookie(who) }), params(id)),
  };
  const row = async (id: string) => (await env.app('SELECT email, name, role, banned FROM "user" WHERE id = $1', [id])).rows[0];
  const sessions = async (id: string) => (await env.app('SELECT count(*)::int AS n FROM session WHERE user_id = $1', [id])).rows[0].n as number;
  const grantsOf = async (id: string) => (await env.app('SELECT dataset_id FROM dataset_grants WHERE user_id = $1 ORDER BY 1', [id])).rows.map((r) => r.dataset_id as string);
  const signIn = async (email: string, pass: string) => (await auth().api.signInEmail({ body: { email, password: pass }, asResponse: true })).status;
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
  /** A snapshot of everything these routes may change. */
  const everything = async () =>
    (
      await env.app(
        `SELECT (SELECT json_agg(u ORDER BY u.id) FROM (SELECT id, email, name, role, banned FROM "user") u)::text AS users,
                (SELECT json_agg(g ORDER BY g.user_id, g.dataset_id) FROM dataset_grants g)::text AS grants,
                (SELECT json_agg(l ORDER BY l.user_id) FROM (SELECT user_id, daily_questions, daily_queries, daily_tokens FROM user_limits) l)::text AS limits,
                (SELECT json_agg(a.password ORDER BY a.id) FROM account a)::text AS passwords`,
      )
    ).rows[0];

  it('refuses anonymous (401) and analysts (403) on every route, and changes nothing', async () => {
    const target = env.users.other.id;
    const before = await everything();
    for (const [who, status] of [
      ['anonymous', 401],
      ['analyst', 403],
    ] as const) {
      const responses = await Promise.all([
        call.list(who),
        call.create(who, { email: 'intruder@test.local', name: 'Intruder', role: 'admin', password: 'long enough password' }),
        call.get(who, target),
        call.patch(who, target, { role: 'admin' }),
        call.patch(who, target, { disabled: true }),
        call.remove(who, target),
        call.password(who, target, { password: 'a new long password' }),
        call.grants(who, target, { datasetIds: [] }),
        call.limits(who, target, { dailyQuestions: 1, dailyQueries: 1, dailyTokens: 1 }),
      ]);
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => status));
      for (const r of responses) expect(await r.text()).not.toContain(env.users.other.email);
    }
    expect(await everything()).toEqual(before);
  });

  it('lists users with their role, status and today’s usage, and searches by email or name', async () => {
    await env.app(`INSERT INTO usage_daily (user_id, day, questions, queries, input_tokens, output_tokens) VALUES ($1, (now() AT TIME ZONE 'utc')::date, 3, 4, 100, 20), ($1, (now() AT TIME ZONE 'utc')::date - 1, 9, 9, 9, 9)`, [
      env.users.analyst.id,
    ]);
    const response = await call.list('admin');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { users: { id: string; role: string; disabled: boolean; today: Record<string, number> }[]; more: boolean };
    expect(body.users.map((u) => u.id).sort()).toEqual(Object.values(env.users).map((u) => u.id).sort());
    const analyst = body.users.find((u) => u.id === env.users.analyst.id)!;
    expect(analyst).toMatchObject({ role: 'analyst', disabled: false, today: { questions: 3, queries: 4, inputTokens: 100, outputTokens: 20 } });
    expect(body.users.find((u) => u.id === env.users.other.id)!.today).toEqual({ questions: 0, queries: 0, inputTokens: 0, outputTokens: 0 });
    const found = (await (await call.list('admin', `?search=${encodeURIComponent(env.users.other.email.slice(0, 10))}`)).json()) as { users: { id: string }[] };
    expect(found.users.map((u) => u.id)).toEqual([env.users.other.id]);
    expect((await (await call.list('admin', '?search=%25')).json()).users).toEqual([]);
    expect((await call.list('admin', '?limit=100000')).status).toBe(400);
  });

  it('creates an analyst with the default datasets, signed out, who can sign in with the given password', async () => {
    const response = await call.create('admin', { email: 'New.Analyst@test.local', name: 'New Analyst', role: 'analyst', password: 'a long enough password' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string; role: string }; password?: string };
    expect(body.password).toBeUndefined();
    expect(body.user).toMatchObject({ email: 'new.analyst@test.local', role: 'analyst' });
    expect(await row(body.user.id)).toMatchObject({ name: 'New Analyst', role: 'analyst', banned: false });
    expect(await grantsOf(body.user.id)).toEqual([env.datasetId]);
    expect(await sessions(body.user.id)).toBe(0);
    expect(await signIn('new.analyst@test.local', 'a long enough password')).toBe(200);
  });

  it('creates an admin with a generated password shown once, which works', async () => {
    const response = await call.create('admin', { email: 'second-admin@test.local', name: 'Second', role: 'admin' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string }; password: string };
    expect(body.password).toMatch(/^[\w-]{16}$/);
    expect(await row(body.user.id)).toMatchObject({ role: 'admin' });
    expect(await grantsOf(body.user.id)).toEqual([]);
    expect(await signIn('second-admin@test.local', body.password)).toBe(200);
    const stored = (await env.app('SELECT password FROM account WHERE user_id = $1', [body.user.id])).rows[0].password as string;
    expect(stored).not.toContain(body.password);
  });

  it('refuses bad input to create with a clear 4xx and creates nothing', async () => {
    const before = await everything();
    const cases: [unknown, number, RegExp][] = [
      [{ email: 'not-an-email', name: 'X', role: 'analyst', password: 'long enough password' }, 400, /valid email/],
      [{ email: 'short@test.local', name: 'X', role: 'analyst', password: 'short' }, 400, /at least 10 characters/],
      [{ email: 'huge@test.local', name: 'x'.repeat(100_000), role: 'analyst' }, 400, /under 100 characters/],
      [{ email: `${'a'.repeat(300)}@test.local`, name: 'X', role: 'analyst' }, 400, /email/],
      [{ email: 'huge@test.local', name: 'X', role: 'analyst', password: 'p'.repeat(1_000) }, 400, /under 128/],
      [{ email: 'role@test.local', name: 'X', role: 'superuser' }, 400, /admin or analyst/],
      [{ email: env.users.other.email.toUpperCase(), name: 'Dup', role: 'analyst' }, 409, /already exists/],
      ['{ not json', 400, /Send JSON/],
      [[1, 2], 400, /Send JSON/],
    ];
    for (const [body, status, message] of cases) {
      const response = await call.create('admin', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(await errorOf(response)).toMatch(message);
    }
    expect(await everything()).toEqual(before);
  });

  it('changes roles both ways', async () => {
    const target = env.users.other.id;
    const promoted = await call.patch('admin', target, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(((await promoted.json()) as { user: { role: string } }).user.role).toBe('admin');
    expect(await row(target)).toMatchObject({ role: 'admin' });
    expect((await call.patch('admin', target, { role: 'analyst' })).status).toBe(200);
    expect(await row(target)).toMatchObject({ role: 'analyst' });
  });

  it('disables a user (signed out, cannot sign in, refused by the app) and enables them again', async () => {
    const { id, email } = env.users.other;
    expect(await sessions(id)).toBeGreaterThan(0);
    const disabled = await call.patch('admin', id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { user: { disabled: boolean } }).user.disabled).toBe(true);
    expect(await sessions(id)).toBe(0);
    expect(await signIn(email, 'correct horse battery')).toBe(403);
    expect((await call.patch('admin', id, { disabled: false })).status).toBe(200);
    expect(await row(id)).toMatchObject({ banned: false });
    expect(await signIn(email, 'correct horse battery')).toBe(200);
  });

  it('resets a password: the old one stops working, the user is signed out, a generated one is shown once', async () => {
    const { id, email } = env.users.other;
    const chosen = await call.password('admin', id, { password: 'a brand new password' });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toEqual({});
    expect(await sessions(id)).toBe(0);
    expect(await signIn(email, 'correct horse battery')).toBe(401);
    expect(await signIn(email, 'a brand new password')).toBe(200);
    const generated = await call.password('admin', id, {});
    const { password: fresh } = (await generated.json()) as { password: string };
    expect(fresh).toMatch(/^[\w-]{16}$/);
    expect(await signIn(email, fresh)).toBe(200);
  });

  it('refuses bad input to the user routes with a clear 4xx and changes nothing', async () => {
    const id = env.users.other.id;
    const before = await everything();
    const checks: [Promise<Response>, number, RegExp][] = [
      [call.password('admin', id, { password: 'short' }), 400, /at least 10 characters/],
      [call.password('admin', id, { password: 'x'.repeat(50_000) }), 400, /under 128/],
      [call.password('admin', 'no-such-user', { password: 'a long enough password' }), 404, /does not exist/],
      [call.password('admin', 'x'.repeat(10_000), {}), 404, /does not exist/],
      [call.patch('admin', 'no-such-user', { role: 'admin' }), 404, /does not exist/],
      [call.patch('admin', id, { role: 'owner' }), 400, /admin or analyst/],
      [call.patch('admin', id, { disabled: 'yes' }), 400, /true or false/],
      [call.patch('admin', id, {}), 400, /"role" or "disabled"/],
      [call.patch('admin', id, { role: 'admin', email: 'x@y.z' }), 400, /Send only/],
      [call.remove('admin', 'no-such-user'), 404, /does not exist/],
      [call.get('admin', 'no-such-user'), 404, /does not exist/],
      [call.grants('admin', id, { datasetIds: ['not-a-uuid'] }), 400, /UUID/],
      [call.grants('admin', id, { datasetIds: [crypto.randomUUID()] }), 400, /does not exist/],
      [call.grants('admin', id, { datasetIds: Array.from({ length: 1_001 }, () => crypto.randomUUID()) }), 400, /at most 1,000/],
      [call.grants('admin', id, { datasets: [] }), 400, /datasetIds/],
      [call.grants('admin', 'no-such-user', { datasetIds: [] }), 404, /does not exist/],
      [call.limits('admin', id, { dailyQuestions: -1, dailyQueries: null, dailyTokens: null }), 400, /negative/],
      [call.limits('admin', id, { dailyQuestions: 1.5, dailyQueries: null, dailyTokens: null }), 400, /whole number/],
      [call.limits('admin', id, { dailyQuestions: null, dailyQueries: null, dailyTokens: 1e12 }), 400, /too large/],
      [call.limits('admin', id, { dailyQuestions: '5', dailyQueries: null, dailyTokens: null }), 400, /whole number/],
      [call.limits('admin', id, { dailyQuestions: 5 }), 400, /limit/],
    ];
    for (const [response, status, message] of checks) {
      const r = await response;
      expect(r.status).toBe(status);
      expect(await errorOf(r)).toMatch(message);
    }
    expect(await everything()).toEqual(before);
  });

  it('replaces dataset grants and shows them', async () => {
    const id = env.users.other.id;
    const second = (await env.app(`INSERT INTO datasets (slug, name, connection_encrypted) VALUES ('second', 'Second', 'x') RETURNING id`)).rows[0].id as string;
    const both = await call.grants('admin', id, { datasetIds: [env.datasetId, second] });
    expect(both.status).toBe(200);
    expect(((await both.json()) as { datasets: { id: string; granted: boolean }[] }).datasets.filter((d) => d.granted).map((d) => d.id).sort()).toEqual([env.datasetId, second].sort());
    expect(await grantsOf(id)).toEqual([env.datasetId, second].sort());
    expect((await call.grants('admin', id, { datasetIds: [second] })).status).toBe(200);
    expect(await grantsOf(id)).toEqual([second]);
    expect((await call.grants('admin', id, { datasetIds: [] })).status).toBe(200);
    expect(await grantsOf(id)).toEqual([]);
    await call.grants('admin', id, { datasetIds: [env.datasetId] });
  });

  it('sets daily limits (null is unlimited) and shows them with the last week of usage', async () => {
    const id = env.users.analyst.id;
    const set = await call.limits('admin', id, { dailyQuestions: 20, dailyQueries: null, dailyTokens: 50_000 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ limits: { dailyQuestions: 20, dailyQueries: null, dailyTokens: 50_000 } });
    await env.app(`INSERT INTO usage_daily (user_id, day, questions) VALUES ($1, (now() AT TIME ZONE 'utc')::date - 30, 99)`, [id]);
    const detail = (await (await call.get('admin', id)).json()) as { user: { email: string }; limits: unknown; usage: { day: string; questions: number }[]; datasets: { id: string; granted: boolean }[] };
    expect(detail.user.email).toBe(env.users.analyst.email);
    expect(detail.limits).toEqual({ dailyQuestions: 20, dailyQueries: null, dailyTokens: 50_000 });
    expect(detail.usage.map((u) => u.questions)).toEqual([3, 9]);
    expect(detail.datasets.find((d) => d.id === env.datasetId)?.granted).toBe(true);
    expect((await call.limits('admin', id, { dailyQuestions: null, dailyQueries: null, dailyTokens: null })).status).toBe(200);
    expect((await env.app('SELECT daily_questions, daily_tokens FROM user_limits WHERE user_id = $1', [id])).rows[0]).toEqual({ daily_questions: null, daily_tokens: null });
  });

  it('the last admin cannot demote, disable or delete themself; with another admin they can step down', async () => {
    await env.app(`UPDATE "user" SET role = 'analyst' WHERE id <> $1 AND role = 'admin'`, [env.users.admin.id]);
    const me = env.users.admin.id;
    const before = await everything();
    for (const response of [call.patch('admin', me, { role: 'analyst' }), call.patch('admin', me, { disabled: true }), call.patch('admin', me, { role: 'admin', disabled: true }), call.remove('admin', me)]) {
      const r = await response;
      expect(r.status).toBe(409);
      expect(await errorOf(r)).toBe('You are the last admin: make another user an admin first.');
    }
    expect(await everything()).toEqual(before);
    // A disabled admin does not count.
    await env.app(`UPDATE "user" SET role = 'admin', banned = true WHERE id = $1`, [env.users.other.id]);
    expect((await call.patch('admin', me, { role: 'analyst' })).status).toBe(409);
    expect((await call.patch('admin', env.users.other.id, { disabled: false })).status).toBe(200);
    expect((await call.patch('admin', me, { role: 'analyst' })).status).toBe(200);
    expect(await row(me)).toMatchObject({ role: 'analyst' });
    await env.app(`UPDATE "user" SET role = 'admin' WHERE id = $1`, [me]);
  });

  it('two admins demoting themselves at once leave one admin', async () => {
    const other = env.users.other;
    await env.app(`UPDATE "user" SET role = 'admin', banned = false WHERE id = $1`, [other.id]);
    const otherCookie = (await auth().api.signInEmail({ body: { email: other.email, password: (await (await call.password('admin', other.id, {})).json()).password }, asResponse: true })).headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const demote = (id: string, c: string) => one.PATCH(jsonRequest(`/api/admin/users/${id}`, { role: 'analyst' }, { method: 'PATCH', cookie: c }), params(id));
    const results = await Promise.all([demote(env.users.admin.id, env.users.admin.cookie), demote(other.id, otherCookie)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await env.app(`SELECT count(*)::int AS n FROM "user" WHERE role = 'admin' AND banned IS NOT TRUE`)).rows[0].n).toBe(1);
    await env.app(`UPDATE "user" SET role = 'admin' WHERE id = $1`, [env.users.admin.id]);
  });

  it('deletes another user, and their sessions and grants with them', async () => {
    const created = (await (await call.create('admin', { email: 'doomed@test.local', name: 'Doomed', role: 'analyst' })).json()) as { user: { id: string }; password: string };
    expect(await signIn('doomed@test.local', created.password)).toBe(200);
    const response = await call.remove('admin', created.user.id);
    expect(response.status).toBe(204);
    expect(await row(created.user.id)).toBeUndefined();
    expect(await sessions(created.user.id)).toBe(0);
    expect(await grantsOf(created.user.id)).toEqual([]);
    expect((await call.remove('admin', created.user.id)).status).toBe(404);
  });
});

describe('the admin screens render in English and Chinese with every string translated', () => {
  const usage = { questions: 2, queries: 3, inputTokens: 1200, outputTokens: 300 };
  const screens: [string, ReactNode][] = [
    ['nav', createElement(AdminNav, { email: 'admin@test.local' })],
    ['users', createElement(UsersTable, { currentUserId: 'u1', users: [{ id: 'u1', email: 'a@test.local', name: 'A', role: 'admin', disabled: false, createdAt: new Date(), today: usage }, { id: 'u2', email: 'b@test.local', name: 'B', role: 'analyst', disabled: true, createdAt: new Date(), today: { questions: 0, queries: 0, inputTokens: 0, outputTokens: 0 } }] })],
    ['create', createElement(CreateUserDialog)],
    ['account', createElement(AccountActions, { user: { id: 'u2', email: 'b@test.local', role: 'analyst', disabled: true }, isSelf: false })],
    ['grants', createElement(GrantsForm, { userId: 'u2', isAdmin: false, datasets: [{ id: 'd1', name: 'Shop', enabled: true, granted: true }, { id: 'd2', name: 'Old', enabled: false, granted: false }] })],
    ['limits', createElement(LimitsForm, { userId: 'u2', limits: { dailyQuestions: 10, dailyQueries: null, dailyTokens: null }, usedToday: { dailyQuestions: 2, dailyQueries: 3, dailyTokens: 1500 } })],
    ['usage', createElement(UsageTable, { days: [{ day: '2026-03-02', ...usage }, { day: '2026-03-01', questions: 0, queries: 0, inputTokens: 0, outputTokens: 0 }] })],
    ['filters', createElement(AuditFiltersForm, { filters: { status: 'error', text: 'orders' }, options: { users: [{ id: 'u1', email: 'a@test.local' }], datasets: [{ id: 'd1', name: 'Shop' }] } })],
    [
      'runs',
      createElement(RunsTable, {
        rows: [
          { id: 'r1', createdAt: new Date(), userId: null, userEmail: null, datasetId: 'd1', datasetName: 'Shop', conversationId: 'c1', conversationTitle: 'Revenue', sql: 'SELECT 1', params: [1], status: 'error', rowCount: null, durationMs: 5, error: 'boom', cursor: { at: '', id: 'r1' } },
        ],
      }),
    ],
  ];
  it.each(['en', 'zh'] as const)('%s', (locale) => {
    const missing: string[] = [];
    for (const [name, screen] of screens) {
      const html = renderToString(
        createElement(NextIntlClientProvider, {
          locale,
          timeZone: 'UTC',
          messages: { admin: locale === 'en' ? enAdmin : zhAdmin },
          onError: (error) => missing.push(`${name}: ${error.message}`),
          children: screen,
        }),
      );
      expect(html.length, name).toBeGreaterThan(0);
    }
    expect(missing).toEqual([]);
  });
});
