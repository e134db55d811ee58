import { createHash, randomBytes } from 'node:crypto';
import { NextIntlClientProvider } from 'next-intl';
import pg from 'pg';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ShareRow } from '@/components/share/share-list';
import type { QuarryUIMessage } from '@/lib/ai/tools';
import en from '@/messages/en.json';
import enShare from '@/messages/en/share.json';
import { chatRequest, jsonRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

// The share page reads the request's cookies through next/headers; here each call says whose they are.
const request = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ cookie: request.cookie }) }));

// Server translations need Next's request scope; here they come from the English files.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = { ...(await import('@/messages/en.json')).default, share: (await import('@/messages/en/share.json')).default };
  return { getTranslations: async (namespace: 'share') => createTranslator({ locale: 'en', messages, namespace }) };
});

// Every warehouse query goes through runReadOnly: counting its calls proves the share page runs none.
const warehouse = vi.hoisted(() => ({ runs: 0 }));
vi.mock('@/lib/warehouse/run', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/warehouse/run')>();
  return { ...actual, runReadOnly: (...args: Parameters<typeof actual.runReadOnly>) => (warehouse.runs++, actual.runReadOnly(...args)) };
});

const chat = await import('@/app/api/chat/route');
const conversationShares = await import('@/app/api/conversations/[id]/shares/route');
const myShares = await import('@/app/api/shares/route');
const oneShare = await import('@/app/api/shares/[id]/route');
const continueRoute = await import('@/app/api/shares/continue/route');
const sharePage = (await import('@/app/share/[token]/page')).default;
const mySharesPage = (await import('@/app/shares/page')).default;
const adminSharesPage = (await import('@/app/admin/shares/page')).default;
const { Message } = await import('@/components/chat/message');

type Who = 'anonymous' | 'analyst' | 'other' | 'admin';
type Created = { share: ShareRow; token: string; path: string };
type PageResult = { status: 200; element: ReactElement<{ title: string; sharedBy: string; messages: QuarryUIMessage[]; canContinue: boolean | null }> } | { status: number; location?: string };

describe.skipIf(!server)(`share links: create, view read-only, revoke, continue, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let app: pg.Client;
  const conversationId = crypto.randomUUID();

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'There are many orders.');
    await readChat(await chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('How many orders?') })));
  });
  afterAll(async () => {
    await app?.end();
    await env?.cleanup();
  });

  const cookieOf = (who: Who) => (who === 'anonymous' ? '' : env.users[who].cookie);
  const params = <T extends string>(key: T, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<T, string>) });

  const create = (body: unknown, who: Who = 'analyst', id = conversationId) =>
    conversationShares.POST(jsonRequest(`/api/conversations/${id}/shares`, body, { cookie: cookieOf(who) }), params('id', id));
  const createOk = async (body: unknown = {}, who: Who = 'analyst') => {
    const response = await create(body, who);
    expect(response.status).toBe(201);
    return (await response.json()) as Created;
  };
  const listFor = (who: Who, id = conversationId) =>
    conversationShares.GET(jsonRequest(`/api/conversations/${id}/shares`, null, { method: 'GET', cookie: cookieOf(who) }), params('id', id));
  const listMine = (who: Who) => myShares.GET(jsonRequest('/api/shares', null, { method: 'GET', cookie: cookieOf(who) }));
  const revoke = (id: string, who: Who = 'analyst') => oneShare.DELETE(jsonRequest(`/api/shares/${id}`, null, { method: 'DELETE', cookie: cookieOf(who) }), params('id', id));
  const continueAs = (token: string, who: Who) => continueRoute.POST(jsonRequest('/api/shares/continue', { token }, { cookie: cookieOf(who) }));

  /** A page as a browser would get it: 200 with the page, 404, or a redirect with its location. */
  async function load(page: () => Promise<unknown>, who: Who): Promise<PageResult> {
    request.cookie = cookieOf(who);
    try {
      return { status: 200, element: (await page()) as Extract<PageResult, { status: 200 }>['element'] };
    } catch (error) {
      const digest = (error as { digest?: string }).digest ?? '';
      if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;')) return { status: Number(digest.split(';')[1]) };
      if (digest.startsWith('NEXT_REDIRECT;')) return { status: Number(digest.split(';').at(-2)), location: digest.split(';').slice(2, -2).join(';') };
      throw error;
    }
  }
  const view = (token: string, who: Who) => load(() => sharePage(params('token', token)), who);

  const render = (element: ReactElement) =>
    renderToString(createElement(NextIntlClientProvider, { locale: 'en', messages: { ...en, share: enShare }, timeZone: 'UTC', children: element }));

  it('creates, lists and revokes links; only the owner and admins see them', async () => {
    const plain = await createOk();
    expect(plain.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(plain.path).toBe(`/share/${plain.token}`);
    expect(plain.share).toMatchObject({ conversationId, access: 'signed-in', expiresAt: null, revokedAt: null, status: 'active', createdBy: { id: env.users.analyst.id } });

    const week = await createOk({ access: 'anyone', expiresInDays: 7 });
    expect(week.share.access).toBe('anyone');
    const expiresIn = new Date(week.share.expiresAt!).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);

    const listed = await (await listFor('analyst')).json();
    expect(listed.shares.map((s: ShareRow) => s.id)).toEqual([week.share.id, plain.share.id]);
    const mine = await (await listMine('analyst')).json();
    expect(mine.shares.map((s: ShareRow) => s.id)).toEqual([week.share.id, plain.share.id]);
    expect((await (await listMine('other')).json()).shares).toEqual([]);
    expect((await listFor('admin')).status).toBe(200);
    // Listings never carry a token or its hash.
    for (const body of [listed, mine]) expect(JSON.stringify(body)).not.toMatch(new RegExp(`${plain.token}|${week.token}|tokenHash|token_hash`));

    expect((await revoke(plain.share.id)).status).toBe(204);
    expect((await revoke(plain.share.id)).status).toBe(204);
    const after = (await (await listFor('analyst')).json()).shares as ShareRow[];
    expect(after.find((s) => s.id === plain.share.id)).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(after.find((s) => s.id === week.share.id)?.status).toBe('active');

    for (const bad of [{ access: 'public' }, { expiresInDays: 0 }, { expiresInDays: 366 }, { expiresInDays: 1.5 }, 'not json']) expect((await create(bad)).status).toBe(400);
    expect((await create({}, 'anonymous')).status).toBe(401);
    expect((await listMine('anonymous')).status).toBe(401);
    expect((await revoke(week.share.id, 'anonymous')).status).toBe(401);
  });

  it('stores only the SHA-256 of the token, never the token', async () => {
    const { token, share } = await createOk();
    const { rows } = await app.query<{ token_hash: string; row: string }>('SELECT token_hash, row_to_json(s)::text AS row FROM shares s WHERE id = $1', [share.id]);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.row).not.toContain(token);
    const { rows: anywhere } = await app.query('SELECT 1 FROM shares s WHERE row_to_json(s)::text LIKE $1', [`%${token}%`]);
    expect(anywhere).toEqual([]);
  });

  describe('who sees what', () => {
    const tokens: Record<'signedIn' | 'anyone' | 'revoked' | 'expired' | 'malformed' | 'forged', string> = {
      signedIn: '',
      anyone: '',
      revoked: '',
      expired: '',
      malformed: 'not-a-token',
      forged: randomBytes(16).toString('base64url'),
    };
    beforeAll(async () => {
      tokens.signedIn = (await createOk()).token;
      tokens.anyone = (await createOk({ access: 'anyone' })).token;
      const revoked = await createOk();
      tokens.revoked = revoked.token;
      await revoke(revoked.share.id);
      const expired = await createOk({ access: 'anyone', expiresInDays: 1 });
      tokens.expired = expired.token;
      await app.query(`UPDATE shares SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.share.id]);
    });

    const signIn = (token: string) => ({ status: 307, location: `/sign-in?next=${encodeURIComponent(`/share/${token}`)}` });

    it.each([
      ['anonymous', 'signedIn', 'sign-in'],
      ['anonymous', 'anyone', 200],
      ['other', 'signedIn', 200],
      ['other', 'anyone', 200],
      ['admin', 'signedIn', 200],
      ['analyst', 'signedIn', 200],
      ...(['anonymous', 'other', 'admin', 'analyst'] as const).flatMap((who) => (['revoked', 'expired', 'malformed', 'forged'] as const).map((link) => [who, link, 404] as const)),
    ] as const)('%s opening a %s link: %s', async (who, link, expected) => {
      const result = await view(tokens[link], who);
      if (expected === 'sign-in') expect(result).toEqual(signIn(tokens[link]));
      else expect(result.status).toBe(expected);
    });

    it('malformed tokens of every shape are the same 404', async () => {
      for (const token of ['', 'x'.repeat(5000), '!'.repeat(22), `${tokens.signedIn}=`, `${tokens.signedIn.slice(0, 21)}.`, tokens.signedIn.slice(1)]) {
        expect((await view(token, 'admin')).status).toBe(404);
      }
    });

    it('renders the stored answer, who shared it and when, read-only, and runs no query', async () => {
      const { rows: before } = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM query_runs');
      const runsBefore = warehouse.runs;

      const page = await view(tokens.anyone, 'anonymous');
      if (page.status !== 200 || !('element' in page)) throw new Error(`expected the page, got ${page.status}`);
      expect(page.element.props).toMatchObject({ title: 'How many orders?', canContinue: null });
      expect(page.element.props.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      const html = render(page.element);
      expect(html).toContain('How many orders?');
      expect(html).toContain('There are many orders.');
      expect(html).toContain('data-testid="result-table"');
      expect(html).toContain('SELECT count(*) AS n FROM orders');
      expect(html).toMatch(/Shared by analyst-\w+ on <time dateTime="[^"]+">/);
      // Nothing that runs a query: no Edit/Run on the SQL, no CSV (a fresh run) of the sharer's query.
      expect(html).not.toContain('download-csv');
      expect(html).not.toContain('run-sql');
      expect(html).not.toMatch(/>Edit</);
      expect(html).not.toContain('/api/queries/');

      for (const who of ['other', 'admin', 'analyst'] as const) expect((await view(tokens.signedIn, who)).status).toBe(200);
      const { rows: after } = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM query_runs');
      expect(after[0]!.n).toBe(before[0]!.n);
      expect(warehouse.runs).toBe(runsBefore);
    });

    it('the same answer in the owner\'s chat does offer Edit and CSV (the read-only check can fail)', async () => {
      const page = await view(tokens.signedIn, 'analyst');
      if (!('element' in page)) throw new Error('expected the page');
      const answer = page.element.props.messages[1]!;
      const html = render(createElement(Message, { message: answer, streaming: false, onRun: async () => {} }));
      expect(html).toContain('download-csv');
      expect(html).toMatch(/>Edit</);
    });

    it('shows the conversation as it was when shared: later messages are not in the link', async () => {
      const { token } = await createOk({ access: 'anyone' });
      scripted.model = scriptedModel('SELECT 1 AS one', 'A later answer.');
      await readChat(await chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('A later question') })));
      const page = await view(token, 'other');
      if (!('element' in page)) throw new Error('expected the page');
      expect(JSON.stringify(page.element.props.messages)).not.toContain('A later');
      const fresh = await createOk({ access: 'anyone' });
      const now = await view(fresh.token, 'other');
      if (!('element' in now)) throw new Error('expected the page');
      expect(JSON.stringify(now.element.props.messages)).toContain('A later answer.');
    });

    it('offers "Continue in my workspace" to signed-in viewers who may use the dataset', async () => {
      const props = async (who: Who) => {
        const page = await view(tokens.signedIn, who);
        return 'element' in page ? page.element.props.canContinue : page.status;
      };
      expect(await props('other')).toBe(true);
      expect(await props('admin')).toBe(true);
      await app.query('DELETE FROM dataset_grants WHERE user_id = $1', [env.users.other.id]);
      try {
        expect(await props('other')).toBe(false);
      } finally {
        await app.query('INSERT INTO dataset_grants (dataset_id, user_id) VALUES ($1, $2)', [env.datasetId, env.users.other.id]);
      }
    });

    it('continue copies every shared message into a conversation the viewer owns, and needs dataset access', async () => {
      const response = await continueAs(tokens.signedIn, 'other');
      expect(response.status).toBe(201);
      const { conversationId: copyId } = (await response.json()) as { conversationId: string };
      expect(copyId).not.toBe(conversationId);
      const { rows: conv } = await app.query('SELECT user_id, dataset_id, title FROM conversations WHERE id = $1', [copyId]);
      expect(conv[0]).toEqual({ user_id: env.users.other.id, dataset_id: env.datasetId, title: 'How many orders?' });
      const messagesOf = async (id: string) =>
        (await app.query<{ id: string; role: string; parts: QuarryUIMessage['parts'] }>('SELECT id, role, parts FROM messages WHERE conversation_id = $1 ORDER BY created_at', [id])).rows;
      const [original, copy] = [await messagesOf(conversationId), await messagesOf(copyId)];
      const shared = original.slice(0, 2);
      expect(copy.map((m) => m.role)).toEqual(shared.map((m) => m.role));
      expect(copy.map((m) => m.id).filter((id) => original.some((o) => o.id === id))).toEqual([]);
      const text = (ms: typeof copy) => ms.flatMap((m) => m.parts.map((p) => (p.type === 'text' ? p.text : ''))).join('|');
      expect(text(copy)).toBe(text(shared));
      // The copy shows the results but holds no id of the sharer's query runs.
      expect(JSON.stringify(copy)).toContain('SELECT count(*) AS n FROM orders');
      expect(JSON.stringify(copy)).not.toContain('queryRunId');
      // The copy is the viewer's own: it is in their history, and the sharer's stays theirs.
      const theirs = (await (await listMine('other')).json()).shares;
      expect(theirs).toEqual([]);
      expect((await listFor('other', copyId)).status).toBe(200);
      expect((await listFor('analyst', copyId)).status).toBe(404);

      await app.query('DELETE FROM dataset_grants WHERE user_id = $1', [env.users.other.id]);
      try {
        expect((await continueAs(tokens.signedIn, 'other')).status).toBe(403);
      } finally {
        await app.query('INSERT INTO dataset_grants (dataset_id, user_id) VALUES ($1, $2)', [env.datasetId, env.users.other.id]);
      }
      expect((await continueAs(tokens.anyone, 'anonymous')).status).toBe(401);
      const refusals = await Promise.all((['revoked', 'expired', 'malformed', 'forged'] as const).map(async (link) => continueAs(tokens[link], 'other')));
      expect(refusals.map((r) => r.status)).toEqual([404, 404, 404, 404]);
      expect(new Set(await Promise.all(refusals.map((r) => r.text()))).size).toBe(1);
      expect((await continueRoute.POST(jsonRequest('/api/shares/continue', { nope: 1 }, { cookie: cookieOf('other') }))).status).toBe(400);
    });
  });

  it('another analyst cannot create, list or revoke links of my conversation (404, nothing leaks)', async () => {
    const mine = await createOk();
    const attempts = [await create({}, 'other'), await listFor('other'), await revoke(mine.share.id, 'other'), await create({}, 'other', 'not-a-uuid'), await revoke('not-a-uuid', 'other')];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    for (const r of attempts) {
      const body = await r.text();
      expect(body).not.toContain(conversationId);
      expect(body).not.toContain('How many orders');
    }
    expect((await view(mine.token, 'other')).status).toBe(200);
    const { rows } = await app.query('SELECT count(*)::int AS n FROM shares WHERE created_by = $1', [env.users.other.id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('an admin creates and revokes links on any conversation; the conversation owner may revoke an admin-made link', async () => {
    const byAdmin = await createOk({}, 'admin');
    expect(byAdmin.share.createdBy.id).toBe(env.users.admin.id);
    const mine = (await (await listMine('analyst')).json()).shares as ShareRow[];
    expect(mine.map((s) => s.id)).toContain(byAdmin.share.id);
    expect((await revoke(byAdmin.share.id, 'analyst')).status).toBe(204);

    const analysts = await createOk();
    expect((await revoke(analysts.share.id, 'admin')).status).toBe(204);
    expect((await view(analysts.token, 'admin')).status).toBe(404);
  });

  it('"My shared links" lists only my links; the admin list shows every link and is for admins only', async () => {
    const listedIds = (html: string) => html.match(/data-status="\w+"/g)?.length ?? 0;
    const mineCount = async (who: Who) => (await app.query('SELECT count(*)::int AS n FROM shares s JOIN conversations c ON c.id = s.conversation_id WHERE s.created_by = $1 OR c.user_id = $1', [env.users[who as 'analyst'].id])).rows[0]!.n as number;
    const all = (await app.query('SELECT count(*)::int AS n FROM shares')).rows[0]!.n as number;

    const mine = await load(mySharesPage, 'analyst');
    if (!('element' in mine)) throw new Error('expected the page');
    const html = render(mine.element);
    expect(html).toContain('How many orders?');
    expect(listedIds(html)).toBe(await mineCount('analyst'));
    const theirs = await load(mySharesPage, 'other');
    if (!('element' in theirs)) throw new Error('expected the page');
    expect(listedIds(render(theirs.element))).toBe(0);
    expect(render(theirs.element)).not.toContain('How many orders?');
    expect(await load(mySharesPage, 'anonymous')).toMatchObject({ status: 307, location: '/sign-in' });

    const admin = await load(adminSharesPage, 'admin');
    if (!('element' in admin)) throw new Error('expected the page');
    expect(listedIds(render(admin.element))).toBe(all);
    expect((await load(adminSharesPage, 'analyst')).status).toBe(404);
    expect(await load(adminSharesPage, 'anonymous')).toMatchObject({ status: 307, location: '/sign-in' });
  });
});

describe('an interrupted answer', () => {
  it('says it was interrupted and why, in the conversation and in a shared snapshot', () => {
    const message: QuarryUIMessage = {
      id: 'm1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Partial answer' }],
      metadata: { status: 'failed', error: 'The model server could not be reached.' },
    };
    for (const readOnly of [false, true]) {
      const html = renderToString(
        createElement(NextIntlClientProvider, { locale: 'en', messages: en, timeZone: 'UTC', children: createElement(Message, { message, streaming: false, readOnly }) }),
      );
      expect(html).toContain('Partial answer');
      expect(html).toMatch(/data-testid="interrupted".*This answer was interrupted\..*The model server could not be reached\./s);
    }
    const complete = renderToString(
      createElement(NextIntlClientProvider, { locale: 'en', messages: en, timeZone: 'UTC', children: createElement(Message, { message: { ...message, metadata: {} }, streaming: false }) }),
    );
    expect(complete).not.toContain('interrupted');
  });
});
