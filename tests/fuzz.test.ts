import { globSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedModel } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

/**
 * Every route handler and server action of the app, found on disk, fed generated malformed
 * payloads (wrong types, huge strings, deep JSON, bad UTF-8, missing and extra fields, odd
 * content types, bad path params and query strings) as anonymous, analyst and admin: nothing
 * may answer 5xx, throw, or leave an unhandled rejection. All failures are collected and shown
 * together, one line per distinct cause.
 */
const RUNS_PER_HANDLER = Number(process.env.QUARRY_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.QUARRY_FUZZ_SEED ?? 20261123);
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const root = path.resolve(import.meta.dirname, '..');
const routeFiles = globSync('**/route.ts', { cwd: path.join(root, 'app') }).sort();
const actionFiles = globSync('**/actions.ts', { cwd: path.join(root, 'app') }).sort();
const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path.join(root, 'app', file));

/** `admin/datasets/[id]/csv/load/route.ts` -> the URL template and its dynamic segments. */
function routeShape(file: string) {
  const segments = path.dirname(file).split('/').filter((s) => !/^\(.*\)$/.test(s));
  const dynamic = segments.flatMap((s) => {
    const m = /^\[(\.\.\.)?(\w+)\]$/.exec(s);
    return m ? [{ name: m[2]!, catchAll: Boolean(m[1]) }] : [];
  });
  return { template: `/${segments.join('/')}`, dynamic };
}

type Actor = 'anonymous' | 'analyst' | 'admin';
/** Real ids: in bodies and path params, they take the fuzzer past the 404s of random ones. */
type Known = { ids: string[]; datasetIds: string[] };

const FIELDS = [
  'conversationId', 'datasetId', 'message', 'title', 'sql', 'params', 'purpose', 'token', 'access', 'expiresInDays', 'email', 'name', 'role',
  'password', 'newPassword', 'currentPassword', 'datasetIds', 'userIds', 'dailyQuestions', 'dailyQueries', 'dailyTokens', 'tables', 'descriptions',
  'glossary', 'examples', 'starterQuestions', 'columns', 'spec', 'connection', 'loadConnection', 'schemas', 'enabled', 'disabled', 'banned',
  'description', 'slug', 'rowLimit', 'statementTimeoutMs', 'exportRowLimit', 'shareRowsWithModel', 'allowedFunctions', 'search', 'offset', 'limit',
  'cursor', 'filename', 'size', 'id', 'parts', 'text', 'type', 'delimiter', 'bytes', 'table', 'header', 'callbackURL', '__proto__', 'constructor',
];

const hugeString = fc.integer({ min: 70_000, max: 2_000_000 }).map((n) => 'x'.repeat(n));
const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'x\u0000y', '\uD800', '../../etc/passwd', "'; DROP TABLE users; --", '%00', '%', 'NaN', '-1', '1e309', 'null', '[]', '{}', 'postgres://127.0.0.1:1/none', 'SELECT 1', 'local', 'compatible:x', 'openai:x', 'admin', 'analyst', 'signed-in', 'anyone', 'public.orders', 'a@b.c'),
);

/** A JSON value made of the known ids, odd scalars, nesting and the values routes expect. */
function valueArb(known: Known) {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      weirdString,
      fc.constantFrom(...known.ids, ...known.datasetIds),
      fc.uuid(),
      fc.integer(),
      fc.double(),
      fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, true, false, null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 4 }),
      fc.record({ id: fc.oneof(fc.uuid(), weirdString), role: fc.constantFrom('user', 'assistant', 'system', 7), parts: fc.array(fc.record({ type: fc.constantFrom('text', 'file', 'tool-runQuery'), text: weirdString }), { maxLength: 3 }) }),
    ),
  }));
  return value;
}

/** Bodies as bytes or text: JSON objects of known and unknown fields, scalars, huge, deep, broken. */
function bodyArb(known: Known): fc.Arbitrary<string | Uint8Array | undefined> {
  const value = valueArb(known);
  const deep = fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.boolean()).map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"message":'.repeat(depth)}{}${'}'.repeat(depth)}`,
  );
  return fc.oneof(
    fc.constant(undefined),
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
    fc.record({ conversationId: fc.constantFrom(...known.ids), datasetId: fc.constantFrom(...known.datasetIds), message: value }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    // Well-formed shapes carrying odd text, to reach past validation into the database.
    fc.record({ conversationId: fc.uuid(), datasetId: fc.constantFrom(...known.datasetIds), message: fc.record({ id: fc.uuid(), role: fc.constant('user'), parts: fc.tuple(fc.record({ type: fc.constant('text'), text: fc.oneof(weirdString, fc.constant('How many orders?\u0000')) })) }) }).map((o) => JSON.stringify(o)),
    fc.dictionary(fc.constantFrom('title', 'name', 'description', 'email', 'spec', 'token', 'sql', 'filename'), fc.oneof(weirdString, fc.constant('a\u0000b')), { minKeys: 1, maxKeys: 3 }).map((o) => JSON.stringify(o)),
    fc.dictionary(fc.constantFrom(...FIELDS), hugeString, { minKeys: 1, maxKeys: 2 }).map((o) => JSON.stringify(o)),
    value.map((v) => JSON.stringify(v) ?? 'undefined'),
    fc.json({ maxDepth: 4 }),
    weirdString,
    deep,
    fc.uint8Array({ minLength: 1, maxLength: 4096 }),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => new Uint8Array([...Buffer.from('{"title":"'), 0xff, 0xfe, ...bytes, 0xc0, 0x80, ...Buffer.from('"}')])),
    fc.constant('{"title": "unterminated'),
  );
}

const contentType = fc.constantFrom('application/json', 'text/plain', 'text/csv', 'application/octet-stream', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '');

function paramArb(known: Known, catchAll: boolean) {
  const one = fc.oneof({ arbitrary: fc.constantFrom(...known.ids), weight: 4 }, fc.uuid(), weirdString, hugeString.map((s) => s.slice(0, 100_000)));
  const authPaths = fc.constantFrom('sign-in/email', 'sign-up/email', 'get-session', 'sign-out', 'list-sessions', 'update-user', 'change-password', 'forget-password', 'reset-password', 'admin/list-users', 'admin/set-role', 'admin/create-user', 'ok');
  return catchAll ? fc.array(fc.oneof(authPaths, one), { minLength: 1, maxLength: 3 }) : one;
}

const queryArb = fc.dictionary(
  fc.constantFrom('q', 'search', 'offset', 'limit', 'cursor', 'role', 'status', 'user', 'dataset', 'from', 'to', 'filename', 'size', 'page', 'token'),
  fc.oneof(weirdString, fc.integer().map(String), fc.constantFrom('-1', '1e400', '99999999999999999999', 'NaN', 'true')),
  { maxKeys: 4 },
);

type Finding = { handler: string; detail: string };
const statuses = new Map<number, number>();

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe.skipIf(!server)(`fuzzing every route handler and server action on ${server?.name}`, () => {
  let env: TestEnvironment;
  const cookies: Record<Actor, string> = { anonymous: '', analyst: '', admin: '' };
  let known: Known;
  let requests = 0;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    env = await createTestEnvironment(server!.url);
    cookies.analyst = env.users.analyst.cookie;
    cookies.admin = env.users.admin.cookie;
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');
    const { createUser } = await import('@/lib/auth/users');
    const { POST: chat } = await import('@/app/api/chat/route');
    const { readChat, chatRequest, userMessage } = await import('./helpers/chat');
    // Real ids give the fuzzer a way past the 404s: a conversation with a query run, a victim user.
    const conversationId = crypto.randomUUID();
    const { message } = await readChat(await chat(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('How many orders?') })));
    const part = message!.parts.find((p) => p.type === 'tool-runQuery');
    const queryRunId = part?.type === 'tool-runQuery' && part.state === 'output-available' && part.output.ok ? part.output.queryRunId : crypto.randomUUID();
    const victim = await createUser(`victim-${crypto.randomUUID()}@test.local`, 'long enough password', 'analyst');
    // Admin payloads may disable, rewire or delete what they are given: a dataset of its own, so
    // the sample dataset keeps answering the chat payloads.
    const { createDataset } = await import('@/lib/datasets/service');
    const victimDataset = await createDataset({ name: 'Fuzz', slug: `fuzz-${Date.now()}`, description: '', connection: env.readerUrl, schemas: ['public'] });
    known = { ids: [conversationId, queryRunId, victim, victimDataset.id], datasetIds: [env.datasetId] };
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await env?.cleanup();
  });

  /** One request; a finding when it throws, answers 5xx, or its body fails to read. */
  async function probe(handler: (...args: unknown[]) => unknown, method: string, url: string, params: unknown, body: string | Uint8Array | undefined, type: string, actor: Actor): Promise<string | null> {
    const cookie = cookies[actor];
    const headers: Record<string, string> = { cookie, origin: 'http://localhost:3000', 'x-forwarded-for': `198.51.100.${++requests % 250}` };
    if (type) headers['content-type'] = type;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 20_000);
    try {
      const request = new Request(url, { method, headers, body: method === 'GET' ? undefined : (body as BodyInit | undefined), signal: controller.signal });
      const response = (await handler(request, { params: Promise.resolve(params) })) as Response;
      if (!(response instanceof Response)) return `returned ${typeof response}, not a Response`;
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) return `HTTP ${response.status} ${text.slice(0, 200)}`;
      return null;
    } catch (error) {
      return `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
    } finally {
      clearTimeout(timer);
    }
  }

  it(`answers ${RUNS_PER_HANDLER} generated payloads per route handler and role without a 5xx, a throw or an unhandled rejection`, { timeout: 600_000 }, async () => {
    const findings: Finding[] = [];
    let total = 0;
    let handlers = 0;
    const actor = fc.oneof(fc.constant<Actor>('anonymous'), { arbitrary: fc.constant<Actor>('analyst'), weight: 2 }, { arbitrary: fc.constant<Actor>('admin'), weight: 3 });
    for (const file of routeFiles) {
      const module = await load(file);
      const { template, dynamic } = routeShape(file);
      for (const method of HTTP_METHODS) {
        const handler = module[method];
        if (typeof handler !== 'function') continue;
        handlers++;
        const paramsArb = fc.record(Object.fromEntries(dynamic.map((d) => [d.name, paramArb(known, d.catchAll)])));
        const inputs = fc.sample(fc.tuple(paramsArb, bodyArb(known), contentType, queryArb, actor), { numRuns: RUNS_PER_HANDLER, seed: SEED + total });
        for (const [params, body, type, query, who] of inputs) {
          let pathname = template;
          for (const d of dynamic) {
            const v = (params as Record<string, string | string[]>)[d.name]!;
            pathname = pathname.replace(d.catchAll ? `[...${d.name}]` : `[${d.name}]`, (Array.isArray(v) ? v : [v]).map((s) => encodeURIComponent(s.toWellFormed())).join('/'));
          }
          const url = new URL(pathname, 'http://localhost:3000');
          for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
          total++;
          const problem = await probe(handler as (...args: unknown[]) => unknown, method, url.href, params, body, type, who);
          if (problem) findings.push({ handler: `${method} ${template} as ${who}`, detail: `${problem} <- body ${describeBody(body)}, content-type ${type || 'none'}, params ${JSON.stringify(params).slice(0, 120)}` });
        }
      }
    }
    for (const file of actionFiles) {
      const module = await load(file);
      for (const [name, action] of Object.entries(module)) {
        if (typeof action !== 'function') continue;
        handlers++;
        const formArb = fc.dictionary(fc.constantFrom('name', 'email', 'password', '$ACTION_ID', 'x', ''), fc.oneof(weirdString, hugeString), { maxKeys: 5 });
        const argsArb = fc.tuple(fc.oneof(fc.constant({}), valueArb(known)), fc.oneof(formArb.map(toForm), valueArb(known)));
        for (const [state, form] of fc.sample(argsArb, { numRuns: RUNS_PER_HANDLER, seed: SEED + total })) {
          total++;
          try {
            await (action as (...args: unknown[]) => unknown)(state, form);
          } catch (error) {
            // redirect() and notFound() throw by design; Next turns them into a navigation.
            if (/^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(String((error as { digest?: unknown }).digest ?? ''))) continue;
            findings.push({ handler: `ACTION ${file}#${name}`, detail: `threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` });
          }
        }
      }
    }
    // Rejections surface on a later tick.
    await new Promise((resolve) => setTimeout(resolve, 200));
    console.log(`fuzz: ${total} payloads against ${handlers} handlers; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(total).toBeGreaterThanOrEqual(1_000);
    const distinct = [...new Map(findings.map((f) => [`${f.handler}: ${f.detail.split(' <- ')[0]}`, f])).values()];
    expect(distinct.map((f) => `${f.handler}: ${f.detail}`)).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
  });
});

function toForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

function describeBody(body: string | Uint8Array | undefined): string {
  if (body === undefined) return 'none';
  if (typeof body !== 'string') return `${body.length} bytes`;
  return body.length > 80 ? `${JSON.stringify(body.slice(0, 60))}... (${body.length} chars)` : JSON.stringify(body);
}
