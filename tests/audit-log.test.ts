import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const requestCookie = vi.hoisted(() => ({ value: '' }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ cookie: requestCookie.value }) }));

const { listQueryRuns } = await import('@/db/audit');
const { requireAdminPage } = await import('@/lib/auth/admin');
const pages = {
  layout: (await import('@/app/admin/layout')).default,
  admin: (await import('@/app/admin/page')).default,
  users: (await import('@/app/admin/users/page')).default,
  user: (await import('@/app/admin/users/[id]/page')).default,
  audit: (await import('@/app/admin/audit/page')).default,
};

type Run = { id: string; user: string | null; dataset: string; status: 'ok' | 'error' | 'rejected'; at: string; sql: string; conversation?: string };

describe.skipIf(!server)(`the audit log of query runs, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let second: string;
  let conversation: string;
  const runs: Run[] = [];
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    second = (await env.app(`INSERT INTO datasets (slug, name, connection_encrypted) VALUES ('second', 'Second', 'x') RETURNING id`)).rows[0].id;
    conversation = crypto.randomUUID();
    await env.app('INSERT INTO conversations (id, user_id, dataset_id, title) VALUES ($1, $2, $3, $4)', [conversation, env.users.analyst.id, env.datasetId, 'Revenue by month']);
    const { analyst, other, admin } = env.users;
    const specs: Omit<Run, 'id'>[] = [
      { user: analyst.id, dataset: env.datasetId, status: 'ok', at: '2026-03-01T08:00:00.000001Z', sql: 'SELECT count(*) FROM orders', conversation },
      { user: analyst.id, dataset: env.datasetId, status: 'error', at: '2026-03-01T23:59:59.999999Z', sql: 'SELECT nope FROM orders' },
      { user: other.id, dataset: env.datasetId, status: 'rejected', at: '2026-03-02T00:00:00.000000Z', sql: 'DELETE FROM orders' },
      { user: other.id, dataset: second, status: 'ok', at: '2026-03-02T12:00:00.000000Z', sql: "SELECT name FROM products WHERE name LIKE '100%_off'" },
      { user: admin.id, dataset: second, status: 'ok', at: '2026-03-03T09:30:00.000000Z', sql: 'select SUM(total) from Orders' },
      { user: null, dataset: env.datasetId, status: 'ok', at: '2026-03-04T10:00:00.000000Z', sql: 'SELECT 1' },
    ];
    // Three runs in the same microsecond: paging must still see each exactly once.
    for (let i = 0; i < 3; i++) specs.push({ user: analyst.id, dataset: env.datasetId, status: 'ok', at: '2026-03-05T10:00:00.123456Z', sql: `SELECT ${i} AS tie` });
    for (const spec of specs) {
      const { rows } = await env.app(
        `INSERT INTO query_runs (dataset_id, conversation_id, user_id, sql, params, status, row_count, duration_ms, error, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 12, $8, $9) RETURNING id`,
        [spec.dataset, spec.conversation ?? null, spec.user, spec.sql, JSON.stringify(spec.status === 'ok' ? [42] : []), spec.status, spec.status === 'ok' ? 1 : null, spec.status === 'ok' ? null : 'column "nope" does not exist', spec.at],
      );
      runs.push({ ...spec, id: rows[0].id });
    }
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  /** Expected ids: newest first, ties by id descending (every `at` has six fractional digits, so strings compare as times). */
  const expected = (keep: (r: Run) => boolean) =>
    runs
      .filter(keep)
      .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
      .map((r) => r.id);
  const ids = async (filters: Parameters<typeof listQueryRuns>[0]) => (await listQueryRuns(filters, { limit: 100 })).rows.map((r) => r.id);

  it('lists every run newest first, with user, dataset, conversation and outcome', async () => {
    const page = await listQueryRuns({}, { limit: 100 });
    expect(page.rows.map((r) => r.id)).toEqual(expected(() => true));
    expect(page.newer).toBeNull();
    expect(page.older).toBeNull();
    const first = page.rows.find((r) => r.id === runs[0]!.id)!;
    expect(first).toMatchObject({
      userEmail: env.users.analyst.email,
      datasetName: (await env.app('SELECT name FROM datasets WHERE id = $1', [env.datasetId])).rows[0].name,
      conversationId: conversation,
      conversationTitle: 'Revenue by month',
      sql: 'SELECT count(*) FROM orders',
      params: [42],
      status: 'ok',
      rowCount: 1,
      durationMs: 12,
      error: null,
    });
    expect(page.rows.find((r) => r.id === runs[1]!.id)).toMatchObject({ status: 'error', error: 'column "nope" does not exist', rowCount: null });
    expect(page.rows.find((r) => r.id === runs[5]!.id)).toMatchObject({ userId: null, userEmail: null });
    expect(page.rows.find((r) => r.id === runs[4]!.id)).toMatchObject({ datasetName: 'Second', conversationId: null, conversationTitle: null });
  });

  it('filters by user, dataset, status, UTC date range and SQL text, alone and together', async () => {
    const { analyst, other } = env.users;
    expect(await ids({ userId: other.id })).toEqual(expected((r) => r.user === other.id));
    expect(await ids({ userId: 'nobody' })).toEqual([]);
    expect(await ids({ datasetId: second })).toEqual(expected((r) => r.dataset === second));
    expect(await ids({ status: 'rejected' })).toEqual([runs[2]!.id]);
    expect(await ids({ status: 'error' })).toEqual([runs[1]!.id]);
    // Both ends are whole UTC days, included.
    expect(await ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual([runs[1]!.id, runs[0]!.id]);
    expect(await ids({ from: '2026-03-02', to: '2026-03-03' })).toEqual([runs[4]!.id, runs[3]!.id, runs[2]!.id]);
    expect(await ids({ from: '2026-03-04' })).toEqual(expected((r) => r.at >= '2026-03-04'));
    expect(await ids({ to: '2026-03-01' })).toEqual([runs[1]!.id, runs[0]!.id]);
    // Case-insensitive; % and _ are literal characters, not wildcards.
    expect(await ids({ text: 'from orders' })).toEqual(expected((r) => /from orders/i.test(r.sql)));
    expect(await ids({ text: '100%_off' })).toEqual([runs[3]!.id]);
    expect(await ids({ text: '%' })).toEqual([runs[3]!.id]);
    expect(await ids({ userId: analyst.id, datasetId: env.datasetId, status: 'ok', from: '2026-03-01', to: '2026-03-04', text: 'orders' })).toEqual([runs[0]!.id]);
  });

  it('pages by keyset: older pages then back to newer ones, every run exactly once, ties included', async () => {
    const all = expected(() => true);
    const seen: string[] = [];
    let page = await listQueryRuns({}, { limit: 2 });
    const pages = [page];
    seen.push(...page.rows.map((r) => r.id));
    while (page.older) {
      page = await listQueryRuns({}, { limit: 2, before: page.older });
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all);
    expect(pages.length).toBe(Math.ceil(all.length / 2));
    // From the last page back to the first, through `after`.
    const back = [pages.at(-1)!.rows.map((r) => r.id)];
    let current = pages.at(-1)!;
    while (current.newer) {
      current = await listQueryRuns({}, { limit: 2, after: current.newer });
      back.unshift(current.rows.map((r) => r.id));
    }
    expect(back).toEqual(pages.map((p) => p.rows.map((r) => r.id)));
    // Filters hold across pages.
    const ok = await listQueryRuns({ status: 'ok' }, { limit: 3 });
    const rest = await listQueryRuns({ status: 'ok' }, { limit: 100, before: ok.older! });
    expect([...ok.rows, ...rest.rows].map((r) => r.id)).toEqual(expected((r) => r.status === 'ok'));
  });

  it('a deleted user leaves their runs in the log, without a name', async () => {
    await env.app('DELETE FROM "user" WHERE id = $1', [env.users.other.id]);
    const page = await listQueryRuns({ status: 'rejected' }, { limit: 10 });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ userId: null, userEmail: null, sql: 'DELETE FROM orders' });
  });

  it('the admin pages send signed-out visitors to sign in and show analysts a 404, before reading anything', async () => {
    const digestOf = async (render: () => Promise<unknown>) => {
      try {
        await render();
      } catch (error) {
        return (error as { digest?: string }).digest;
      }
      return 'rendered';
    };
    const renders = [
      () => pages.layout({ children: null }),
      () => pages.admin(),
      () => pages.users({ searchParams: Promise.resolve({}) }),
      () => pages.user({ params: Promise.resolve({ id: env.users.analyst.id }) }),
      () => pages.audit({ searchParams: Promise.resolve({}) }),
    ];
    requestCookie.value = '';
    for (const render of renders) expect(await digestOf(render)).toMatch(/^NEXT_REDIRECT;replace;\/sign-in;/);
    requestCookie.value = env.users.analyst.cookie;
    for (const render of renders) expect(await digestOf(render)).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    requestCookie.value = env.users.admin.cookie;
    expect(await requireAdminPage()).toMatchObject({ id: env.users.admin.id, role: 'admin' });
    expect(await digestOf(() => pages.admin())).toMatch(/^NEXT_REDIRECT;replace;\/admin\/users;/);
  });
});
