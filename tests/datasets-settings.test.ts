import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatRequest, jsonRequest, readChat, scriptedModel, textParts, usage, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { withheldSummary } from '@/lib/datasets/withheld-summary';
import { scripted } from './helpers/scripted-model';

const chat = await import('@/app/api/chat/route');
const csv = await import('@/app/api/queries/[id]/csv/route');
const settings = await import('@/app/api/admin/datasets/[id]/settings/route');

describe.skipIf(!server)(`dataset settings are applied on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const defaults = { rowLimit: null, statementTimeoutMs: null, exportRowLimit: null, allowedFunctions: [], model: null, shareRowsWithModel: true };
  const save = (body: object) =>
    settings.PUT(jsonRequest(`/api/admin/datasets/${env.datasetId}/settings`, { ...defaults, ...body }, { cookie: env.users.admin.cookie, method: 'PUT' }), {
      params: Promise.resolve({ id: env.datasetId }),
    });
  beforeEach(async () => {
    expect((await save({})).status).toBe(200);
  });

  const ask = async (question = 'Question?') => {
    const { message } = await readChat(await chat.POST(chatRequest({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage(question) })));
    const part = message!.parts.find((p) => p.type === 'tool-runQuery');
    if (part?.type !== 'tool-runQuery' || part.state !== 'output-available') throw new Error('no query output');
    return { output: part.output, message: message! };
  };

  it('refuses bad settings with a sentence and keeps the old ones', async () => {
    const bad = await save({ rowLimit: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/row cap must be at least 1/);
    expect((await save({ model: 'gpt-4' })).status).toBe(400);
    expect((await save({ allowedFunctions: ['pg_read_file(text)'] })).status).toBe(400);
  });

  it('the row cap limits the rows a query returns', async () => {
    expect((await save({ rowLimit: 3 })).status).toBe(200);
    scripted.model = scriptedModel('SELECT order_id FROM orders ORDER BY order_id', 'Orders.');
    const { output } = await ask();
    expect(output).toMatchObject({ ok: true, rowCount: 3, truncated: true });
  });

  it('the statement timeout cancels a long query', async () => {
    expect((await save({ statementTimeoutMs: 100 })).status).toBe(200);
    scripted.model = scriptedModel('SELECT count(*) AS n FROM generate_series(1, 500000000) g', 'Counted.');
    const { output } = await ask();
    expect(output).toMatchObject({ ok: false, code: '57014' });
  });

  it('the export limit caps the CSV download', async () => {
    scripted.model = scriptedModel('SELECT order_id FROM orders ORDER BY order_id', 'Orders.');
    const { output } = await ask();
    expect((await save({ exportRowLimit: 2 })).status).toBe(200);
    const response = await csv.GET(jsonRequest(`/api/queries/${output.queryRunId}/csv`, null, { method: 'GET' }), { params: Promise.resolve({ id: output.queryRunId! }) });
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split('\n')).toHaveLength(3);
  });

  it('allowed functions reach the guard', async () => {
    scripted.model = scriptedModel('SELECT pg_size_pretty(count(*)) AS n FROM customers', 'Hashed.');
    const refused = await ask();
    expect(refused.output).toMatchObject({ ok: false, rejected: true });
    expect((await save({ allowedFunctions: ['pg_size_pretty'] })).status).toBe(200);
    const allowed = await ask();
    expect(allowed.output).toMatchObject({ ok: true });
  });

  it('with rows not shared, the model never sees a value: the answer is a template built from the result shape', async () => {
    expect((await save({ shareRowsWithModel: false })).status).toBe(200);
    const prompts: LanguageModelV4CallOptions['prompt'][] = [];
    const model = new MockLanguageModelV4({
      doStream: async (options) => {
        prompts.push(options.prompt);
        const answered = options.prompt.some((m) => m.role === 'tool');
        return {
          stream: convertArrayToReadableStream<LanguageModelV4StreamPart>(
            answered
              ? textParts('Done.')
              : [
                  { type: 'tool-call', toolCallId: 'c1', toolName: 'runQuery', input: JSON.stringify({ sql: 'SELECT region, count(*)::int AS n FROM customers GROUP BY region ORDER BY region', params: [], purpose: 'x' }) },
                  { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
                ],
          ),
        };
      },
    });
    scripted.model = model;
    const { output, message } = await ask();
    const { rows } = await env.warehouse('SELECT region, count(*)::int AS n FROM customers GROUP BY region ORDER BY region');
    // The browser gets the rows; the model is not called again once they exist.
    expect(output).toMatchObject({ ok: true, rows: rows.map((r) => [r.region, r.n]) });
    expect(prompts).toHaveLength(1);
    const text = message.parts.filter((p) => p.type === 'text').map((p) => p.text).join('');
    expect(text).toBe(withheldSummary({ columns: [{ name: 'region' }, { name: 'n' }], rowCount: rows.length, truncated: false }, 'en'));
    for (const r of rows) expect(text).not.toContain(r.region);

    // The built-in planner answers the same way.
    scripted.model = undefined;
    const planned = await ask('Total revenue by region');
    expect(planned.output).toMatchObject({ ok: true });
    expect(planned.message.parts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toMatch(/does not share result values/);

    expect((await save({ shareRowsWithModel: true })).status).toBe(200);
    scripted.model = model;
    prompts.length = 0;
    await ask();
    expect(JSON.stringify(prompts.at(-1))).toContain(rows[0].region);
  });
});
