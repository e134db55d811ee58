import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, jsonRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

const chat = await import('@/app/api/chat/route');
const queries = await import('@/app/api/queries/route');
const csv = await import('@/app/api/queries/[id]/csv/route');
const authRoute = await import('@/app/api/auth/[...all]/route');

describe.skipIf(!server)(`who may do what, checked on the server, on ${server?.name}`, () => {
  let env: TestEnvironment;
  const conversationId = crypto.randomUUID();
  let queryRunId: string;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');
    const { message } = await readChat(await chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('How many?') })));
    const part = message!.parts.find((p) => p.type === 'tool-runQuery');
    queryRunId = part?.type === 'tool-runQuery' && part.state === 'output-available' ? part.output.queryRunId! : '';
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const as = (who: 'anonymous' | 'analyst' | 'other' | 'admin') => ({ cookie: who === 'anonymous' ? '' : env.users[who].cookie });
  const statusOf = async (response: Response) => {
    const body = await response.clone().text();
    return { status: response.status, body };
  };
  const continueChat = (who: Parameters<typeof as>[0]) =>
    chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('And now?') }, as(who)));
  const runSql = (who: Parameters<typeof as>[0]) => queries.POST(jsonRequest('/api/queries', { conversationId, sql: 'SELECT 1 AS one', params: [] }, as(who)));
  const download = (who: Parameters<typeof as>[0]) =>
    csv.GET(jsonRequest(`/api/queries/${queryRunId}/csv`, null, { method: 'GET', ...as(who) }), { params: Promise.resolve({ id: queryRunId }) });

  it.each([
    ['anonymous', 401, 401, 401],
    ['other', 404, 404, 404],
    ['analyst', 200, 200, 200],
    ['admin', 200, 200, 200],
  ] as const)('%s: chat %i, run SQL %i, CSV %i', async (who, chatStatus, sqlStatus, csvStatus) => {
    scripted.model = scriptedModel('SELECT 1 AS one', 'One.');
    const results = [await statusOf(await continueChat(who)), await statusOf(await runSql(who)), await statusOf(await download(who))];
    expect(results.map((r) => r.status)).toEqual([chatStatus, sqlStatus, csvStatus]);
    // A refusal never leaks the conversation, its SQL or its data.
    for (const r of results.filter((r) => r.status >= 400)) {
      expect(r.body).not.toContain('orders');
      expect(r.body).not.toContain(conversationId);
    }
  });

  it('a wrong password gets one generic answer, and repeated attempts are rate limited', async () => {
    const attempt = () =>
      authRoute.POST(
        new Request('http://localhost:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': '203.0.113.9' },
          body: JSON.stringify({ email: env.users.analyst.email, password: 'wrong password!' }),
        }),
      );
    const first = await attempt();
    expect(first.status).toBe(401);
    const unknown = await authRoute.POST(
      new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': '203.0.113.10' },
        body: JSON.stringify({ email: 'nobody@test.local', password: 'wrong password!' }),
      }),
    );
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe(await first.text());
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    expect(statuses).toContain(429);
  });
});
