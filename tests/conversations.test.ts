import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, jsonRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

const chat = await import('@/app/api/chat/route');
const list = await import('@/app/api/conversations/route');
const one = await import('@/app/api/conversations/[id]/route');

type Listed = { conversations: { id: string; title: string }[]; more: boolean };

describe.skipIf(!server)(`saved conversations: list, search, rename, delete, on ${server?.name}`, () => {
  let env: TestEnvironment;
  const ids: string[] = [];
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    scripted.model = scriptedModel('SELECT 1 AS one', 'One.');
    for (const question of ['Revenue by region', 'Orders per channel', 'Returns by reason']) {
      const id = crypto.randomUUID();
      ids.push(id);
      await readChat(await chat.POST(chatRequest({ conversationId: id, datasetId: env.datasetId, message: userMessage(question) })));
    }
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const get = async (query = '', cookie?: string) => list.GET(jsonRequest(`/api/conversations${query}`, null, { method: 'GET', cookie }));
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it('lists only my conversations, newest first, titled by their first question, paged', async () => {
    const mine = (await (await get()).json()) as Listed;
    expect(mine.conversations.map((c) => c.title)).toEqual(['Returns by reason', 'Orders per channel', 'Revenue by region']);
    const page = (await (await get('?limit=2')).json()) as Listed;
    expect(page).toMatchObject({ more: true, conversations: [{ title: 'Returns by reason' }, { title: 'Orders per channel' }] });
    const theirs = (await (await get('', env.users.other.cookie)).json()) as Listed;
    expect(theirs.conversations).toEqual([]);
    expect((await get('', '')).status).toBe(401);
    expect((await get('?limit=100000')).status).toBe(400);
  });

  it('searches titles and questions, with LIKE wildcards taken literally', async () => {
    const found = (await (await get('?search=channel')).json()) as Listed;
    expect(found.conversations.map((c) => c.title)).toEqual(['Orders per channel']);
    const literal = (await (await get('?search=%25')).json()) as Listed;
    expect(literal.conversations).toEqual([]);
  });

  it('renames and deletes my conversation; another analyst gets 404 and changes nothing', async () => {
    const patch = (id: string, body: unknown, cookie?: string) => one.PATCH(jsonRequest(`/api/conversations/${id}`, body, { method: 'PATCH', cookie }), params(id));
    expect((await patch(ids[0]!, { title: 'Stolen' }, env.users.other.cookie)).status).toBe(404);
    expect((await patch(ids[0]!, { title: 'x'.repeat(10_000) })).status).toBe(400);
    expect((await patch(ids[0]!, { title: '   ' })).status).toBe(400);
    expect((await patch('not-a-uuid', { title: 'x' })).status).toBe(404);
    expect(await (await patch(ids[0]!, { title: 'Regional revenue' })).json()).toEqual({ id: ids[0], title: 'Regional revenue' });

    const remove = (id: string, cookie?: string) => one.DELETE(jsonRequest(`/api/conversations/${id}`, null, { method: 'DELETE', cookie }), params(id));
    expect((await remove(ids[1]!, env.users.other.cookie)).status).toBe(404);
    expect((await remove(ids[1]!)).status).toBe(204);
    const after = (await (await get()).json()) as Listed;
    expect(after.conversations.map((c) => c.title)).toEqual(['Returns by reason', 'Regional revenue']);
  });
});
