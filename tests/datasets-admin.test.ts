import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const list = await import('@/app/api/admin/datasets/route');
const test = await import('@/app/api/admin/datasets/test/route');
const one = await import('@/app/api/admin/datasets/[id]/route');
const tables = await import('@/app/api/admin/datasets/[id]/tables/route');
const refresh = await import('@/app/api/admin/datasets/[id]/refresh/route');
const describeRoute = await import('@/app/api/admin/datasets/[id]/describe/route');
const samples = await import('@/app/api/admin/datasets/[id]/samples/route');
const settings = await import('@/app/api/admin/datasets/[id]/settings/route');
const grants = await import('@/app/api/admin/datasets/[id]/grants/route');
const models = await import('@/app/api/admin/models/route');
const modelTest = await import('@/app/api/admin/models/test/route');

type Who = 'anonymous' | 'analyst' | 'admin';

describe.skipIf(!server)(`dataset administration on ${server?.name}`, () => {
  let env: TestEnvironment;
  const writer = `quarry_test_writer_${Math.random().toString(36).slice(2, 8)}`;
  let writerUrl: string;

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    await env.warehouse(`CREATE ROLE ${writer} LOGIN PASSWORD 'writer-password'`);
    const database = new URL(env.warehouseUrl).pathname.slice(1);
    await env.warehouse(`GRANT CONNECT ON DATABASE ${database} TO ${writer}; GRANT USAGE ON SCHEMA public TO ${writer}; GRANT SELECT, INSERT ON public.orders TO ${writer}`);
    const url = new URL(env.warehouseUrl);
    url.username = writer;
    url.password = 'writer-password';
    writerUrl = url.toString();
  });
  afterAll(async () => {
    await env?.warehouse(`REVOKE CREATE ON SCHEMA public FROM ${writer}`).catch(() => {});
    await env?.cleanup();
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${writer}`);
    await admin.end();
  });

  const cookie = (who: Who) => (who === 'anonymous' ? '' : env.users[who].cookie);
  const call = (who: Who, url: string, body: unknown, method = 'POST') => jsonRequest(url, body, { cookie: cookie(who), method });
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
  const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, any> });
  const datasetCount = async () => Number((await env.app('SELECT count(*) FROM datasets')).rows[0].count);
  const create = (body: object, who: Who = 'admin') => list.POST(call(who, '/api/admin/datasets', { name: 'Store copy', schemas: ['public'], ...body }));

  it('every route: 401 signed out, 403 for an analyst', async () => {
    const id = env.datasetId;
    const routes: ((who: Who) => Promise<Response>)[] = [
      (who) => list.GET(call(who, '/api/admin/datasets', null, 'GET')),
      (who) => list.POST(call(who, '/api/admin/datasets', { name: 'x', slug: 'x', connection: env.readerUrl })),
      (who) => test.POST(call(who, '/api/admin/datasets/test', { datasetId: id })),
      (who) => one.GET(call(who, `/api/admin/datasets/${id}`, null, 'GET'), ctx(id)),
      (who) => one.PATCH(call(who, `/api/admin/datasets/${id}`, { name: 'Renamed' }, 'PATCH'), ctx(id)),
      (who) => one.DELETE(call(who, `/api/admin/datasets/${id}`, null, 'DELETE'), ctx(id)),
      (who) => tables.GET(call(who, `/api/admin/datasets/${id}/tables`, null, 'GET'), ctx(id)),
      (who) => tables.PUT(call(who, `/api/admin/datasets/${id}/tables`, { tables: ['public.orders'] }, 'PUT'), ctx(id)),
      (who) => refresh.POST(call(who, `/api/admin/datasets/${id}/refresh`, null), ctx(id)),
      (who) => describeRoute.GET(call(who, `/api/admin/datasets/${id}/describe`, null, 'GET'), ctx(id)),
      (who) => describeRoute.PUT(call(who, `/api/admin/datasets/${id}/describe`, { descriptions: {}, glossary: [], examples: [], starterQuestions: [] }, 'PUT'), ctx(id)),
      (who) => samples.PUT(call(who, `/api/admin/datasets/${id}/samples`, { columns: [] }, 'PUT'), ctx(id)),
      (who) => settings.PUT(call(who, `/api/admin/datasets/${id}/settings`, {}, 'PUT'), ctx(id)),
      (who) => grants.GET(call(who, `/api/admin/datasets/${id}/grants`, null, 'GET'), ctx(id)),
      (who) => grants.PUT(call(who, `/api/admin/datasets/${id}/grants`, { userIds: [] }, 'PUT'), ctx(id)),
      (who) => models.GET(call(who, '/api/admin/models', null, 'GET')),
      (who) => modelTest.POST(call(who, '/api/admin/models/test', { spec: 'local' })),
    ];
    for (const [i, route] of routes.entries()) {
      expect((await route('anonymous')).status, `route ${i} anonymous`).toBe(401);
      expect((await route('analyst')).status, `route ${i} analyst`).toBe(403);
    }
    const [{ name }] = (await env.app('SELECT name FROM datasets WHERE id = $1', [id])).rows;
    expect(name).toBe('Sample store');
  });

  it('tests a connection: server version, latency and the role report', async () => {
    const { status, body } = await json(await test.POST(call('admin', '/api/admin/datasets/test', { connection: env.readerUrl })));
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, report: { superuser: false, writableTables: [], problems: [] } });
    expect(body.serverVersion).toMatch(/^\d+/);
    expect(body.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.schemas).toContain('public');
    expect(JSON.stringify(body)).not.toContain(new URL(env.readerUrl).password);
  });

  it('refuses an unreachable host, a superuser, a writable role and a duplicate slug, saving nothing', async () => {
    const before = await datasetCount();
    const unreachable = await json(await create({ slug: 'nowhere', connection: 'postgres://someone:secret-pw@127.0.0.1:1/warehouse' }));
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error).toMatch(/Nothing is listening at someone:\*\*\*\*@127\.0\.0\.1:1\/warehouse/);
    expect(unreachable.body.error).not.toContain('secret-pw');

    const superuser = await json(await create({ slug: 'superuser', connection: env.warehouseUrl }));
    expect(superuser.status).toBe(422);
    expect(superuser.body.error).toMatch(/superuser/);

    const writable = await json(await create({ slug: 'writable', connection: writerUrl }));
    expect(writable.status).toBe(422);
    expect(writable.body.error).toMatch(/can write to public\.orders/);

    const duplicate = await json(await create({ slug: 'sample', connection: env.readerUrl }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatch(/slug "sample"/);

    const malformed = await json(await create({ slug: 'Bad Slug', connection: env.readerUrl }));
    expect(malformed.status).toBe(400);
    const notUrl = await json(await create({ slug: 'not-a-url', connection: 'host=localhost dbname=x' }));
    expect(notUrl.status).toBe(422);
    expect(notUrl.body.error).toMatch(/postgres:\/\//);
    expect(await datasetCount()).toBe(before);
  });

  it('the role report sees write access to tables with mixed-case names', async () => {
    await env.warehouse(`CREATE TABLE public."MixedCase" (id int); GRANT SELECT, INSERT ON public."MixedCase" TO ${writer}`);
    const { checkConnection } = await import('@/lib/warehouse/check');
    const pool = new pg.Pool({ connectionString: writerUrl, max: 1 });
    try {
      const report = await checkConnection(pool, ['public.MixedCase', 'public.customers'], ['public']);
      expect(report.writableTables).toEqual(['public.MixedCase']);
    } finally {
      await pool.end();
      await env.warehouse('DROP TABLE public."MixedCase"');
    }
  });

  it('refuses a wrong password where the server checks passwords', async (context) => {
    const url = new URL(env.readerUrl);
    url.password = 'not-the-password';
    const probe = new pg.Client({ connectionString: url.toString() });
    const trusted = await probe.connect().then(() => true, () => false);
    await probe.end().catch(() => {});
    if (trusted) context.skip('this server trusts local connections without a password');
    const before = await datasetCount();
    const { status, body } = await json(await create({ slug: 'wrong-password', connection: url.toString() }));
    expect(status).toBe(422);
    expect(body.error).toMatch(/refused the user name or password/);
    expect(body.error).not.toContain('not-the-password');
    expect(await datasetCount()).toBe(before);
  });

  let id: string;
  it('creates a dataset exposing every table, encrypted, shown masked', async () => {
    const { status, body } = await json(await create({ slug: 'store-copy', description: 'A copy', connection: env.readerUrl }));
    expect(status).toBe(201);
    id = body.dataset.id;
    const password = new URL(env.readerUrl).password;
    expect(body.dataset.connection).toMatch(/^[^:]+:\*\*\*\*@127\.0\.0\.1:\d+\/quarry_test_wh_/);
    expect(JSON.stringify(body)).not.toContain(password);
    expect(body.dataset).not.toHaveProperty('connectionEncrypted');
    expect(body.dataset.tables).toEqual(expect.arrayContaining(['public.orders', 'public.customers']));
    const [row] = (await env.app('SELECT connection_encrypted, catalog_snapshot FROM datasets WHERE id = $1', [id])).rows;
    expect(row.connection_encrypted).not.toContain(password);
    expect(row.catalog_snapshot['public.orders']).toContain('order_id');

    const listed = await json(await list.GET(call('admin', '/api/admin/datasets', null, 'GET')));
    expect(listed.body.datasets.map((d: { slug: string }) => d.slug)).toEqual(expect.arrayContaining(['sample', 'store-copy']));
    expect(JSON.stringify(listed.body)).not.toContain(password);
  });

  it('chooses tables; a table the role cannot see is refused', async () => {
    const choices = await json(await tables.GET(call('admin', `/api/admin/datasets/${id}/tables`, null, 'GET'), ctx(id)));
    expect(choices.body.tables.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['public.orders', 'public.customers', 'public.products']));
    const missing = await json(await tables.PUT(call('admin', `/api/admin/datasets/${id}/tables`, { tables: ['public.orders', 'public.nope'] }, 'PUT'), ctx(id)));
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatch(/public\.nope/);
    const saved = await json(await tables.PUT(call('admin', `/api/admin/datasets/${id}/tables`, { tables: ['public.orders', 'public.customers'] }, 'PUT'), ctx(id)));
    expect(saved.status).toBe(200);
    expect(saved.body.dataset.tables).toEqual(['public.customers', 'public.orders']);
    const { datasetCatalog } = await import('@/lib/warehouse/catalog');
    const { getDataset } = await import('@/db/queries');
    const catalog = await datasetCatalog((await getDataset(id))!);
    expect(catalog.tables.map((t) => t.id)).toEqual(['public.customers', 'public.orders']);
    // Unchanged choices give the very same object: per-catalog caches downstream keep hitting.
    expect(await datasetCatalog((await getDataset(id))!)).toBe(catalog);
    expect(catalog.tables.flatMap((t) => t.foreignKeys.map((f) => f.table))).toEqual(['public.customers']);
  });

  it('the first refresh of a dataset never refreshed records a base instead of listing every table as new', async () => {
    const sample = env.datasetId;
    const first = await json(await refresh.POST(call('admin', `/api/admin/datasets/${sample}/refresh`, null), ctx(sample)));
    expect(first.body).toMatchObject({ baseline: true, diff: { addedTables: [] } });
    expect(first.body.tables).toBeGreaterThan(3);
    const second = await json(await refresh.POST(call('admin', `/api/admin/datasets/${sample}/refresh`, null), ctx(sample)));
    expect(second.body.baseline).toBe(false);
  });

  it('refresh shows tables and columns added and removed since the last refresh', async () => {
    const first = await json(await refresh.POST(call('admin', `/api/admin/datasets/${id}/refresh`, null), ctx(id)));
    expect(first.body.baseline).toBe(false);
    expect(first.body.diff).toEqual({ addedTables: [], removedTables: [], addedColumns: [], removedColumns: [] });
    await env.warehouse('CREATE TABLE public.quarry_test_new (id int); GRANT SELECT ON public.quarry_test_new TO PUBLIC');
    await env.warehouse('ALTER TABLE public.returns ADD COLUMN quarry_note text');
    await env.warehouse('ALTER TABLE public.social_posts DROP COLUMN topic');
    const second = await json(await refresh.POST(call('admin', `/api/admin/datasets/${id}/refresh`, null), ctx(id)));
    expect(second.body.diff).toEqual({
      addedTables: ['public.quarry_test_new'],
      removedTables: [],
      addedColumns: ['public.returns.quarry_note'],
      removedColumns: ['public.social_posts.topic'],
    });
    await env.warehouse('DROP TABLE public.quarry_test_new');
    const third = await json(await refresh.POST(call('admin', `/api/admin/datasets/${id}/refresh`, null), ctx(id)));
    expect(third.body.diff.removedTables).toEqual(['public.quarry_test_new']);
  });

  it('describes: comments prefill, overrides saved, examples checked and run before anything is saved', async () => {
    const described = await json(await describeRoute.GET(call('admin', `/api/admin/datasets/${id}/describe`, null, 'GET'), ctx(id)));
    const orders = described.body.catalog.tables.find((t: { id: string }) => t.id === 'public.orders');
    expect(orders.comment).toBeTruthy();
    const put = (body: object) =>
      describeRoute.PUT(
        call('admin', `/api/admin/datasets/${id}/describe`, { descriptions: {}, glossary: [], examples: [], starterQuestions: [], ...body }, 'PUT'),
        ctx(id),
      );
    const rejected = await json(await put({ descriptions: { 'public.orders': 'Every order' }, examples: [{ question: 'Products?', sql: 'SELECT count(*) FROM products' }] }));
    expect(rejected.status).toBe(422);
    expect(rejected.body.error).toMatch(/Example 1 \("Products\?"\) does not run: Table products is not in this dataset/);
    const broken = await json(await put({ examples: [{ question: 'Bad column', sql: 'SELECT no_such_column FROM orders' }] }));
    expect(broken.status).toBe(422);
    expect(broken.body.error).toMatch(/no_such_column/);
    const unknown = await json(await put({ descriptions: { 'public.products': 'Not exposed' } }));
    expect(unknown.status).toBe(422);
    const [unchanged] = (await env.app('SELECT descriptions, examples FROM datasets WHERE id = $1', [id])).rows;
    expect(unchanged).toEqual({ descriptions: {}, examples: [] });

    const saved = await json(
      await put({
        descriptions: { 'public.orders': 'Every order ever placed', 'public.orders.status': orders.columns.find((c: { name: string }) => c.name === 'status').comment },
        glossary: [{ term: 'active customer', meaning: 'Ordered in the last 90 days', sql: "order_date > now() - interval '90 days'" }],
        examples: [{ question: 'How many orders?', sql: 'SELECT count(*) AS n FROM orders' }],
        starterQuestions: ['How many orders are there?'],
      }),
    );
    expect(saved.status).toBe(200);
    // Text equal to the warehouse's comment is not stored as an override.
    expect(saved.body.dataset.descriptions).toEqual({ 'public.orders': 'Every order ever placed' });
    expect(saved.body.dataset.starterQuestions).toEqual(['How many orders are there?']);
    const { datasetCatalog } = await import('@/lib/warehouse/catalog');
    const { getDataset } = await import('@/db/queries');
    const catalog = await datasetCatalog((await getDataset(id))!);
    expect(catalog.tables.find((t) => t.id === 'public.orders')!.comment).toBe('Every order ever placed');
  });

  it('samples low-cardinality text columns and refuses the others without saving', async () => {
    const put = (columns: string[]) => samples.PUT(call('admin', `/api/admin/datasets/${id}/samples`, { columns }, 'PUT'), ctx(id));
    const tooMany = await json(await put(['public.customers.region', 'public.customers.email']));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatch(/public\.customers\.email has more than 50 distinct values/);
    const notText = await json(await put(['public.orders.order_id']));
    expect(notText.status).toBe(422);
    const [before] = (await env.app('SELECT sampled_values FROM datasets WHERE id = $1', [id])).rows;
    expect(before.sampled_values).toEqual({});
    const ok = await json(await put(['public.customers.region']));
    expect(ok.status).toBe(200);
    const { rows } = await env.warehouse('SELECT DISTINCT region FROM customers ORDER BY 1');
    expect(ok.body.dataset.sampledValues).toEqual({ 'public.customers.region': rows.map((r) => r.region) });
  });

  it('grants the dataset to exactly the chosen analysts', async () => {
    const before = await json(await grants.GET(call('admin', `/api/admin/datasets/${id}/grants`, null, 'GET'), ctx(id)));
    expect(before.body.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([env.users.analyst.id, env.users.other.id]));
    expect(before.body.users.map((u: { id: string }) => u.id)).not.toContain(env.users.admin.id);
    expect(before.body.users.every((u: { granted: boolean }) => !u.granted)).toBe(true);
    const { listDatasets } = await import('@/db/queries');
    expect((await listDatasets({ id: env.users.other.id, role: 'analyst' })).map((d) => d.id)).not.toContain(id);
    const after = await json(await grants.PUT(call('admin', `/api/admin/datasets/${id}/grants`, { userIds: [env.users.other.id, env.users.admin.id] }, 'PUT'), ctx(id)));
    expect(after.body.users.filter((u: { granted: boolean }) => u.granted).map((u: { id: string }) => u.id)).toEqual([env.users.other.id]);
    expect((await listDatasets({ id: env.users.other.id, role: 'analyst' })).map((d) => d.id)).toContain(id);
    expect((await listDatasets({ id: env.users.analyst.id, role: 'analyst' })).map((d) => d.id)).not.toContain(id);
  });

  it('edits, disables, refuses a taken slug and a bad new connection, and deletes', async () => {
    const taken = await json(await one.PATCH(call('admin', `/api/admin/datasets/${id}`, { slug: 'sample' }, 'PATCH'), ctx(id)));
    expect(taken.status).toBe(409);
    const superuser = await json(await one.PATCH(call('admin', `/api/admin/datasets/${id}`, { name: 'Changed', connection: env.warehouseUrl }, 'PATCH'), ctx(id)));
    expect(superuser.status).toBe(422);
    const [row] = (await env.app('SELECT name, slug FROM datasets WHERE id = $1', [id])).rows;
    expect(row).toEqual({ name: 'Store copy', slug: 'store-copy' });
    const disabled = await json(await one.PATCH(call('admin', `/api/admin/datasets/${id}`, { enabled: false, name: 'Old store' }, 'PATCH'), ctx(id)));
    expect(disabled.body.dataset).toMatchObject({ enabled: false, name: 'Old store' });
    const { listDatasets } = await import('@/db/queries');
    expect((await listDatasets({ id: env.users.other.id, role: 'analyst' })).map((d) => d.id)).not.toContain(id);

    const load = async (loadConnection: string | null) => json(await one.PATCH(call('admin', `/api/admin/datasets/${id}`, { loadConnection }, 'PATCH'), ctx(id)));
    expect((await load(env.warehouseUrl)).body.error).toMatch(/superuser/);
    expect((await load(env.readerUrl)).body.error).toMatch(/reader role/);
    expect((await load(writerUrl)).body.error).toMatch(/may not create tables in public/);
    expect((await env.app('SELECT load_connection_encrypted FROM datasets WHERE id = $1', [id])).rows[0].load_connection_encrypted).toBeNull();
    await env.warehouse(`GRANT CREATE ON SCHEMA public TO ${writer}`);
    const target = await load(writerUrl);
    expect(target.status).toBe(200);
    expect(target.body.dataset).toMatchObject({ loadTarget: true, loadConnection: expect.stringMatching(new RegExp(`^${writer}:\\*{4}@`)) });
    expect(JSON.stringify(target.body)).not.toContain('writer-password');
    expect((await load(null)).body.dataset).toMatchObject({ loadTarget: false, loadConnection: null });

    expect((await one.DELETE(call('admin', `/api/admin/datasets/${id}`, null, 'DELETE'), ctx(id))).status).toBe(204);
    expect((await env.app('SELECT 1 FROM datasets WHERE id = $1', [id])).rowCount).toBe(0);
    expect((await env.app('SELECT 1 FROM dataset_grants WHERE dataset_id = $1', [id])).rowCount).toBe(0);
    expect((await one.GET(call('admin', `/api/admin/datasets/${id}`, null, 'GET'), ctx(id))).status).toBe(404);
  });
});
