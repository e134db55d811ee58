import { NextIntlClientProvider } from 'next-intl';
import pg from 'pg';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColumnsEditor } from '@/components/admin/csv-upload/columns-editor';
import { CsvUpload } from '@/components/admin/csv-upload/csv-upload';
import { FailureMessage } from '@/components/admin/csv-upload/failure-message';
import { columnIssues } from '@/components/admin/csv-upload/names';
import { getDataset } from '@/db/queries';
import { datasetCatalog } from '@/lib/warehouse/catalog';
import { headerNames, isIdentifier, tableNameFromFile, toIdentifier } from '@/lib/warehouse/csv/identifiers';
import { inferType } from '@/lib/warehouse/csv/infer';
import type { CsvPreview, LoadPlan } from '@/lib/warehouse/csv/plan';
import { inspectSample } from '@/lib/warehouse/csv/sample';
import enLoad from '@/messages/en/load.json';
import zhLoad from '@/messages/zh/load.json';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const previewRoute = await import('@/app/api/admin/datasets/[id]/csv/preview/route');
const loadRoute = await import('@/app/api/admin/datasets/[id]/csv/load/route');

const RESERVED = new Set(['order', 'user', 'select', 'left']);

describe('header names and table names', () => {
  it('turns headers into unquoted identifiers, unique and not reserved', () => {
    expect(headerNames(['Order Date', 'Amount ($)', 'Café', '2024 Sales', 'order', '地区', '', 'amount ($)', 'x'.repeat(80)], RESERVED)).toEqual([
      'order_date',
      'amount',
      'cafe',
      '_2024_sales',
      'order_',
      '地区',
      'column_7',
      'amount_2',
      'x'.repeat(63),
    ]);
    expect(tableNameFromFile('Sales Q1 (final).csv', RESERVED)).toBe('sales_q1_final');
    expect(tableNameFromFile('user.csv', RESERVED)).toBe('user_');
    expect(toIdentifier('がぎ', 'c', RESERVED)).toBe('がぎ');
  });

  it('accepts only names usable as typed', () => {
    expect(['orders_2024', '_2024', '地区'].map((n) => isIdentifier(n, RESERVED))).toEqual([true, true, true]);
    expect(['Orders', '2024', 'order', 'a b', 'a-b', ''].map((n) => isIdentifier(n, RESERVED))).toEqual([false, false, false, false, false, false]);
  });
});

describe('type inference on a sample', () => {
  it.each([
    [['1', '-20', '', '9223372036854775807'], 'integer'],
    [['1', '2.5', '1e3'], 'numeric'],
    [['9223372036854775808'], 'numeric'],
    [['007', '123'], 'text'],
    [['true', 'No', 'Y'], 'boolean'],
    [['2024-01-31', '2024-02-29'], 'date'],
    [['2023-02-29'], 'text'],
    [['2024-01-31', '2024-01-31 10:00:00'], 'timestamp'],
    [['2024-01-31T10:00:00Z', '2024-01-31 10:00'], 'timestamptz'],
    [['1', 'abc'], 'text'],
    [['', ' '], 'text'],
  ])('%j is %s', (values, type) => {
    expect(inferType(values)).toBe(type);
  });
});

describe('reading a sample', () => {
  const inspect = (text: string | Buffer, complete = true) => () => inspectSample(Buffer.from(text), complete, 'data.csv', RESERVED);

  it('detects the delimiter, names columns, infers types and keeps the first rows', () => {
    const table = inspect('\ufeffid;Name;Joined\n1;"Smith; John";2024-01-02\n2;Ann;\n')();
    expect(table).toMatchObject({
      table: 'data',
      delimiter: ';',
      sampledRows: 2,
      columns: [
        { header: 'id', name: 'id', type: 'integer' },
        { header: 'Name', name: 'name', type: 'text' },
        { header: 'Joined', name: 'joined', type: 'date' },
      ],
      rows: [['1', 'Smith; John', '2024-01-02'], ['2', 'Ann', '']],
    });
  });

  it('leaves out the cut-off last record of a partial sample', () => {
    expect(inspect('a,b\n1,"x\ny"\n2,"cut off', false)()).toMatchObject({ sampledRows: 1, rows: [['1', 'x\ny']] });
  });

  it('names the line of each kind of bad file', () => {
    expect(inspect('a,b\n1,2\n3,4,5\n')).toThrow(/^Line 3 has more fields \(3\) than the header \(2\)/);
    expect(inspect('a,b\n1,2\n3\n')).toThrow(/^Line 3 has fewer fields \(1\) than the header \(2\)/);
    expect(inspect('a,b\n1,2\n3,"abc\n4,5\n6,7\n')).toThrow(/quoted field that starts on line 3 is never closed/);
    expect(inspect('a,b\n1,2\n3,x"y\n')).toThrow(/^Line 3 has a stray quote/);
    expect(inspect(Buffer.from('a,b\n1,2\n3,caf\xe9\n', 'latin1'))).toThrow(/^Line 3 is not valid UTF-8/);
    expect(inspect('a,b\n')).toThrow(/no rows under it/);
  });
});

describe('the upload page in both languages (server render)', () => {
  const render = (element: ReactElement, locale: 'en' | 'zh') =>
    renderToString(createElement(NextIntlClientProvider, { locale, messages: { load: locale === 'en' ? enLoad : zhLoad }, timeZone: 'UTC', children: element }))
      .replaceAll('&quot;', '"')
      .replaceAll('&#x27;', "'");

  it('starts with a drop zone', () => {
    expect(render(createElement(CsvUpload, { datasetId: 'd', datasetName: 'Sales' }), 'en')).toContain('Drop a CSV file here, or choose one');
    expect(render(createElement(CsvUpload, { datasetId: 'd', datasetName: 'Sales' }), 'zh')).toContain('将 CSV 文件拖到这里');
  });

  it('shows editable columns with their issues', () => {
    const columns = [
      { header: 'Order', name: 'order', type: 'text' as const },
      { header: 'Amount', name: 'amount', type: 'numeric' as const },
      { header: 'Amount 2', name: 'amount', type: 'integer' as const },
    ];
    const issues = columnIssues(columns.map((c) => c.name), RESERVED);
    expect(issues).toEqual(['reserved', 'duplicate', 'duplicate']);
    const html = render(createElement(ColumnsEditor, { columns, issues, rows: [['a', '1.5', '']], disabled: false, onChange: () => {} }), 'zh');
    expect(html).toContain('“order”是 Postgres 的保留字');
    expect(html).toContain('另一列已使用此名称');
    expect(html).toContain('文件中为：Amount 2');
    expect(html).toContain('>空<');
  });

  it.each(['en', 'zh'] as const)('words every refusal in %s', (locale) => {
    const problems = [
      { code: 'notUtf8', line: 7 },
      { code: 'strayQuote', line: 7 },
      { code: 'unclosedQuote', line: 7 },
      { code: 'raggedMore', line: 7 },
      { code: 'raggedFewer', line: 7 },
      { code: 'badValue', line: 7, column: 'units', value: 'seven', type: 'integer' },
      { code: 'tableExists', table: 'public.orders' },
      { code: 'truncated', received: 1000, expected: 2000 },
      { code: 'noRows' },
      { code: 'emptyFile' },
      { code: 'lineTooLong' },
    ] as const;
    for (const problem of problems) {
      const html = render(createElement(FailureMessage, { failure: { kind: 'problem', problem } }), locale);
      expect(html).not.toMatch(/load\.errors|MISSING|\{line\}/);
      if ('line' in problem) expect(html).toContain('7');
    }
    const badValue = render(createElement(FailureMessage, { failure: { kind: 'problem', problem: problems[5] } }), locale);
    expect(badValue).toContain(locale === 'en' ? '“seven” in column units is not a valid Integer' : '列 units 中的“seven”不是有效的整数');
    for (const kind of ['network', 'forbidden', 'cancelled'] as const) expect(render(createElement(FailureMessage, { failure: { kind } }), locale)).toMatch(locale === 'en' ? /[a-z]{4}/ : /[\u4e00-\u9fff]/);
  });
});

describe.skipIf(!server)(`loading a CSV file into a dataset, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let otherDatasetId: string;
  const as = (who: 'anonymous' | 'analyst' | 'admin') => (who === 'anonymous' ? '' : env.users[who].cookie);

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    const app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    const { rows } = await app.query<{ id: string }>(
      `INSERT INTO datasets (slug, name, connection_encrypted) SELECT 'read-only', 'Read only', connection_encrypted FROM datasets WHERE id = $1 RETURNING id`,
      [env.datasetId],
    );
    otherDatasetId = rows[0]!.id;
    await app.end();
  });
  afterAll(async () => {
    if (!env) return;
    const owner = `${new URL(env.warehouseUrl).pathname.slice(1)}_owner`;
    await env.cleanup();
    const root = new pg.Client({ connectionString: server!.url });
    await root.connect();
    await root.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(owner)}`);
    await root.end();
  });

  const post = (path: string, body: BodyInit, cookie: string) =>
    new Request(new URL(path, 'http://localhost'), { method: 'POST', headers: { cookie }, body, duplex: 'half' } as RequestInit);
  const preview = (csv: string | Buffer, { who = 'admin' as 'anonymous' | 'analyst' | 'admin', datasetId = env.datasetId, filename = 'data.csv' } = {}) => {
    const bytes = Buffer.from(csv);
    return previewRoute.POST(post(`/api/admin/datasets/${datasetId}/csv/preview?filename=${encodeURIComponent(filename)}&size=${bytes.length}`, bytes, as(who)), {
      params: Promise.resolve({ id: datasetId }),
    });
  };
  const load = (plan: Omit<LoadPlan, 'bytes' | 'filename'> & { bytes?: number }, csv: string | Buffer, { who = 'admin' as 'anonymous' | 'analyst' | 'admin', datasetId = env.datasetId } = {}) => {
    const file = Buffer.from(csv);
    const line = Buffer.from(`${JSON.stringify({ filename: `${plan.table}.csv`, bytes: file.length, ...plan })}\n`);
    return loadRoute.POST(post(`/api/admin/datasets/${datasetId}/csv/load`, Buffer.concat([line, file]), as(who)), { params: Promise.resolve({ id: datasetId }) });
  };
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
  const tableExists = async (name: string) => (await env.warehouse('SELECT to_regclass($1) IS NOT NULL AS found', [`public.${name}`])).rows[0].found as boolean;
  const asReader = async (sql: string) => {
    const client = new pg.Client({ connectionString: env.readerUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };

  const SALES = [
    'Order Date,Region,Amount ($),Units,Paid,Note',
    '2024-01-05,North,12.50,3,yes,"first, with a comma"',
    '2024-01-06,South,7,1,no,',
    '2024-01-07,地区 东,100.25,12,yes,"says ""hi"""',
  ].join('\n');

  it('previews, loads in one go, grants the reader, and shows the table in the dataset catalog', async () => {
    const dataset = (await getDataset(env.datasetId))!;
    expect((await datasetCatalog(dataset)).tables.map((t) => t.id)).not.toContain('public.sales_2024');

    const response = await preview(SALES, { filename: 'Sales 2024.csv' });
    expect(response.status).toBe(200);
    const shown = (await response.json()) as CsvPreview;
    expect(shown).toMatchObject({ schema: 'public', table: 'sales_2024', delimiter: ',', partial: false, sampledRows: 3 });
    expect(shown.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['order_date:date', 'region:text', 'amount:numeric', 'units:integer', 'paid:boolean', 'note:text']);
    expect(shown.existingTables).toContain('orders');

    // The admin renames a column before loading.
    const columns = shown.columns.map((c) => (c.name === 'units' ? { ...c, name: 'quantity' } : c));
    const loaded = await load({ table: shown.table, delimiter: shown.delimiter, columns }, SALES);
    expect(loaded.status).toBe(200);
    expect(await loaded.json()).toMatchObject({ schema: 'public', table: 'sales_2024', rows: 3 });

    const { rows } = await asReader('SELECT order_date::text, region, amount, quantity, paid, note FROM sales_2024 ORDER BY order_date');
    expect(rows).toEqual([
      { order_date: '2024-01-05', region: 'North', amount: '12.50', quantity: '3', paid: true, note: 'first, with a comma' },
      { order_date: '2024-01-06', region: 'South', amount: '7', quantity: '1', paid: false, note: null },
      { order_date: '2024-01-07', region: '地区 东', amount: '100.25', quantity: '12', paid: true, note: 'says "hi"' },
    ]);
    await expect(asReader("INSERT INTO sales_2024 (region) VALUES ('x')")).rejects.toThrow(/read-only transaction|permission denied/);

    // Nothing tells the catalog cache: the load moved the dataset's updatedAt, which every app
    // instance reads with the dataset, so each introspects again.
    const table = (await datasetCatalog((await getDataset(env.datasetId))!)).tables.find((t) => t.id === 'public.sales_2024');
    expect(table?.comment).toBe('Loaded from sales_2024.csv.');
    expect(table?.columns.map((c) => [c.name, c.type, c.comment])).toEqual([
      ['order_date', 'date', 'Order Date'],
      ['region', 'text', 'Region'],
      ['amount', 'numeric', 'Amount ($)'],
      ['quantity', 'bigint', 'Units'],
      ['paid', 'boolean', 'Paid'],
      ['note', 'text', 'Note'],
    ]);
  });

  it('writes through an owner role that cannot change the rest of the warehouse', async () => {
    const ownerUrl = new URL(env.warehouseUrl);
    const owner = `${ownerUrl.pathname.slice(1)}_owner`;
    const { rows } = await env.warehouse(
      `SELECT r.rolsuper, has_table_privilege($1, 'public.orders', 'INSERT, UPDATE, DELETE, TRUNCATE') AS writes_orders,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'sales_2024') AS loaded_owner
       FROM pg_roles r WHERE r.rolname = $1`,
      [owner],
    );
    expect(rows[0]).toEqual({ rolsuper: false, writes_orders: false, loaded_owner: owner });
  });

  const plan = (table: string, types: LoadPlan['columns'][number]['type'][] = ['integer', 'text']) => ({
    table,
    delimiter: ',' as const,
    columns: types.map((type, i) => ({ header: `c${i}`, name: `c${i}`, type })),
  });

  it.each([
    ['a ragged row (more fields)', 'ragged_more', 'c0,c1\n1,a\n2,b\n3,c,extra\n', /^Line 4 has more fields than the header/, { code: 'raggedMore', line: 4 }],
    ['a ragged row (fewer fields)', 'ragged_fewer', 'c0,c1\n1,a\n2\n', /^Line 3 has fewer fields than the header/, { code: 'raggedFewer', line: 3 }],
    ['bad encoding', 'bad_encoding', Buffer.from('c0,c1\n1,a\n2,caf\xe9\n3,c\n', 'latin1'), /^Line 3 is not valid UTF-8/, { code: 'notUtf8', line: 3 }],
    ['an unmatched quote', 'unmatched_quote', 'c0,c1\n1,a\n2,"open\n3,c\n4,d\n', /^The quoted field that starts on line 3 is never closed/, { code: 'unclosedQuote', line: 3 }],
    [
      'a value that breaks the inferred type',
      'bad_value',
      'c0,c1\n1,a\n2,b\nthree,c\n',
      /^Line 4: "three" in column c0 is not a valid integer/,
      { code: 'badValue', line: 4, column: 'c0', value: 'three', type: 'integer' },
    ],
    ['a header without rows', 'no_rows', 'c0,c1\n', /no rows under it/, { code: 'noRows' }],
  ])('%s is refused with its line, and no table is left behind', async (_case, table, csv, message, problem) => {
    const response = await load(plan(table), csv);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; problem: unknown };
    expect(body.error).toMatch(message);
    expect(body.problem).toEqual(problem);
    expect(await tableExists(table)).toBe(false);
  });

  it('stops a large upload at its first bad line, and the load connection keeps working', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i},row ${i}`);
    rows[2] = 'oops,row 2';
    const response = await load(plan('large_bad'), `c0,c1\n${rows.join('\n')}\n`);
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatch(/^Line 4: "oops" in column c0/);
    expect(await tableExists('large_bad')).toBe(false);
    const good = await load(plan('after_bad'), 'c0,c1\n1,a\n');
    expect(good.status).toBe(200);
  });

  it('refuses a duplicate table name, and an upload that ends early', async () => {
    const duplicate = await load(plan('orders'), 'c0,c1\n1,a\n');
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatch(/A table named public.orders already exists/);
    expect((await env.warehouse('SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', ['orders', 'c0'])).rows[0].n).toBe(0);

    const cut = await load({ ...plan('cut_short'), bytes: 10_000 }, 'c0,c1\n1,a\n2,b\n');
    expect(cut.status).toBe(400);
    expect(await errorOf(cut)).toMatch(/The upload ended after 14 of 10,000 bytes/);
    expect(await tableExists('cut_short')).toBe(false);
  });

  it('rolls back an upload that breaks off midway', async () => {
    const head = `${JSON.stringify({ filename: 'broken.csv', bytes: 1_000_000, ...plan('broken_off') })}\nc0,c1\n1,a\n2,b\n`;
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('connection reset by the browser'));
        sent = true;
        controller.enqueue(new TextEncoder().encode(head));
      },
    });
    const response = await loadRoute.POST(post(`/api/admin/datasets/${env.datasetId}/csv/load`, body, as('admin')), { params: Promise.resolve({ id: env.datasetId }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/^The upload was interrupted after 14 of 1,000,000 bytes/), problem: { code: 'truncated' } });
    expect(await tableExists('broken_off')).toBe(false);
  });

  it('refuses names that are not plain identifiers', async () => {
    const reserved = await load(plan('select'), 'c0,c1\n1,a\n');
    expect(reserved.status).toBe(400);
    expect(await errorOf(reserved)).toMatch(/"select" cannot be a table name/);
    const twice = await load({ ...plan('twice'), columns: [{ header: 'a', name: 'a', type: 'text' as const }, { header: 'A', name: 'a', type: 'text' as const }] }, 'a,A\n1,2\n');
    expect(twice.status).toBe(400);
    expect(await errorOf(twice)).toMatch(/Two columns are named a/);
  });

  it('previews only for admins, and only into a dataset that is a load target', async () => {
    const csv = 'a,b\n1,2\n';
    expect((await preview(csv, { who: 'anonymous' })).status).toBe(401);
    expect((await preview(csv, { who: 'analyst' })).status).toBe(403);
    const notTarget = await preview(csv, { datasetId: otherDatasetId });
    expect(notTarget.status).toBe(409);
    expect(await errorOf(notTarget)).toMatch(/"Read only" is not a load target: add a load connection/);
    expect((await preview(csv, { datasetId: crypto.randomUUID() })).status).toBe(404);
  });

  it('loads only for admins, and only into a dataset that is a load target', async () => {
    const csv = 'c0,c1\n1,a\n';
    expect((await load(plan('by_anonymous'), csv, { who: 'anonymous' })).status).toBe(401);
    expect((await load(plan('by_analyst'), csv, { who: 'analyst' })).status).toBe(403);
    const notTarget = await load(plan('not_target'), csv, { datasetId: otherDatasetId });
    expect(notTarget.status).toBe(409);
    expect(await errorOf(notTarget)).toMatch(/is not a load target/);
    for (const table of ['by_anonymous', 'by_analyst', 'not_target']) expect(await tableExists(table)).toBe(false);
  });
});
