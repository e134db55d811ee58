import { globSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { nextContext, outcomeOf } from './helpers/next-context';
import { scripted } from './helpers/scripted-model';
import { matrix, type Actor, type Fixtures } from './authorization/matrix';

/**
 * Every route handler, page, layout and server action of the app, found on disk, against the
 * table in tests/authorization/matrix.ts: a new one without an entry fails the first test.
 */
const root = path.resolve(import.meta.dirname, '..');
const appFiles = (pattern: string) => globSync(pattern, { cwd: path.join(root, 'app') }).sort();
const urlOf = (file: string) =>
  `/${path.dirname(file)}`
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join('/')
    .replace(/\/\.$/, '')
    .replace(/^$/, '/') || '/';

const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path.join(root, 'app', file));

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function discover(): Promise<{ key: string; module: Record<string, unknown>; file: string; kind: 'route' | 'page' | 'layout' | 'action'; name: string }[]> {
  const found = [];
  for (const file of appFiles('**/route.ts')) {
    const module = await load(file);
    for (const method of HTTP_METHODS) if (typeof module[method] === 'function') found.push({ key: `${method} ${urlOf(file)}`, module, file, kind: 'route' as const, name: method });
  }
  for (const file of appFiles('**/page.tsx')) found.push({ key: `PAGE ${urlOf(file)}`, module: await load(file), file, kind: 'page' as const, name: 'default' });
  for (const file of appFiles('**/layout.tsx')) found.push({ key: `LAYOUT ${urlOf(file)}`, module: await load(file), file, kind: 'layout' as const, name: 'default' });
  for (const file of appFiles('**/actions.ts')) {
    const module = await load(file);
    for (const [name, value] of Object.entries(module)) if (typeof value === 'function') found.push({ key: `ACTION ${urlOf(file)}#${name}`, module, file, kind: 'action' as const, name });
  }
  return found;
}

const found = await discover();

describe('the authorization matrix covers the whole app', () => {
  it('has an entry for every route handler, page, layout and server action, and none for what does not exist', () => {
    const keys = found.map((f) => f.key);
    expect(keys.filter((k) => !(k in matrix)), 'missing from tests/authorization/matrix.ts').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !keys.includes(k)), 'in the matrix but not in the app').toEqual([]);
  });
});

const ACTORS: Actor[] = ['anonymous', 'owner', 'other', 'admin', 'viewer', 'viewerRevoked', 'viewerExpired'];

describe.skipIf(!server)(`who may do what, route by route, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let fixtures: Fixtures;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    const { createShare } = await import('@/lib/shares');
    const { createUser } = await import('@/lib/auth/users');
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');

    /** A conversation of the owner with one answered question and its query run. */
    const conversation = async () => {
      const id = crypto.randomUUID();
      const { message } = await readChat(
        await (await import('@/app/api/chat/route')).POST(chatRequest({ conversationId: id, datasetId: env.datasetId, message: userMessage('How many orders?') }, { cookie: env.users.analyst.cookie })),
      );
      const part = message!.parts.find((p) => p.type === 'tool-runQuery');
      const queryRunId = part?.type === 'tool-runQuery' && part.state === 'output-available' && part.output.ok ? part.output.queryRunId : '';
      return { id, queryRunId };
    };
    const share = async (conversationId: string, state: 'live' | 'revoked' | 'expired' = 'live', access: 'signed-in' | 'anyone' = 'signed-in') => {
      const { share, token } = await createShare({ conversationId, createdBy: env.users.analyst.id, access, expiresInDays: 30 });
      if (state === 'revoked') await env.app('UPDATE shares SET revoked_at = now() WHERE id = $1', [share.id]);
      if (state === 'expired') await env.app("UPDATE shares SET expires_at = now() - interval '1 second' WHERE id = $1", [share.id]);
      return { id: share.id, token };
    };
    const main = await conversation();
    fixtures = {
      env: () => env,
      conversation: main,
      freshConversation: conversation,
      tokens: {
        live: (await share(main.id)).token,
        revoked: (await share(main.id, 'revoked')).token,
        expired: (await share(main.id, 'expired')).token,
        anyone: (await share(main.id, 'live', 'anyone')).token,
      },
      freshShare: async () => (await share(main.id)).id,
      freshDataset: async () => {
        const { rows } = await env.app(
          `INSERT INTO datasets (slug, name, connection_encrypted, load_connection_encrypted, schemas)
           SELECT 'copy-' || gen_random_uuid(), 'Copy', connection_encrypted, load_connection_encrypted, schemas FROM datasets WHERE id = $1 RETURNING id`,
          [env.datasetId],
        );
        return rows[0].id as string;
      },
      freshUser: () => createUser(`fresh-${crypto.randomUUID()}@test.local`, 'long enough password', 'analyst'),
    };
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const cookieOf = (actor: Actor) =>
    actor === 'anonymous' ? '' : env.users[actor === 'owner' ? 'analyst' : actor === 'admin' ? 'admin' : 'other'].cookie;
  const tokenOf = (actor: Actor) => (actor === 'viewerRevoked' ? fixtures.tokens.revoked : actor === 'viewerExpired' ? fixtures.tokens.expired : fixtures.tokens.live);

  it("cannot overwrite or cut another user's messages by sending their ids in one's own conversation (IDOR)", async () => {
    const { POST } = await import('@/app/api/chat/route');
    const { rows: before } = await env.app('SELECT id, parts FROM messages WHERE conversation_id = $1 ORDER BY created_at', [fixtures.conversation.id]);
    const victim = before[0]!.id as string;
    const response = await POST(
      chatRequest(
        { conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: { id: victim, role: 'user', parts: [{ type: 'text', text: 'overwritten' }] } },
        { cookie: env.users.other.cookie },
      ),
    );
    expect(response.status).toBe(409);
    const { rows: after } = await env.app('SELECT id, parts FROM messages WHERE conversation_id = $1 ORDER BY created_at', [fixtures.conversation.id]);
    expect(after).toEqual(before);
  });

  let requests = 0;
  for (const { key, module, kind, name } of found) {
    const entry = matrix[key];
    if (!entry) continue;
    for (const [variant, spec] of Object.entries(entry)) {
      it.each(ACTORS.filter((a) => spec.expect[a] !== undefined))(`${key}${variant === 'default' ? '' : ` (${variant})`}: %s`, async (actor) => {
        scripted.model = scriptedModel('SELECT 1 AS one', 'One.');
        const cookie = cookieOf(actor);
        nextContext.headers = new Headers({ cookie, origin: 'http://localhost:3000' });
        const input = await spec.input(fixtures, { actor, token: tokenOf(actor), cookie });
        const handler = module[name] as (...args: unknown[]) => unknown;
        let outcome: string | number;
        if (kind === 'route') {
          const url = new URL(input.path ?? key.split(' ')[1]!, 'http://localhost:3000');
          const request = new Request(url, {
            method: name,
            // Each request from its own address: sign-in is rate-limited per IP.
            headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': `192.0.2.${++requests % 250}` },
            body: name === 'GET' || input.body === undefined ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body),
          });
          const response = (await handler(request, { params: Promise.resolve(input.params ?? {}) })) as Response;
          outcome = response.status;
          // A refusal never carries the data it protects.
          if (response.status >= 400) expect(await response.text()).not.toMatch(/orders|SELECT/i);
          else await response.arrayBuffer();
        } else if (kind === 'action') {
          let result: unknown;
          outcome = await outcomeOf(async () => {
            result = await handler(...(input.args ?? []));
          });
          // An action refuses by returning the error it shows.
          if (outcome === 'ok' && (result as { error?: string } | undefined)?.error) outcome = 'refused';
        } else {
          outcome = await outcomeOf(() =>
            handler({ params: Promise.resolve(input.params ?? {}), searchParams: Promise.resolve(input.searchParams ?? {}), children: null }),
          );
        }
        expect(typeof outcome === 'string' ? outcome.replace(tokenOf(actor), '<token>').replace(fixtures.tokens.anyone, '<token>') : outcome).toEqual(spec.expect[actor]);
      });
    }
  }
});
