import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasSampleWarehouse, loadSampleWarehouse } from '@/db/seed/warehouse';

// The server of this Vitest project (system Postgres 15 or embedded Postgres 18, see
// vitest.config.ts); null when that server is not reachable, and the suite is skipped.
const server = inject('pg');

const SCALE = 0.1;
const SEED = 7;

const PRIMARY_KEYS: Record<string, string> = {
  customers: 'customer_id',
  products: 'product_id',
  orders: 'order_id',
  order_items: 'order_id, line_number',
  returns: 'return_id',
  social_posts: 'post_id',
};

async function connect(serverUrl: string, database: string): Promise<pg.Client> {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client(url.toString());
  await client.connect();
  return client;
}

async function one<T>(client: pg.ClientBase, sql: string): Promise<T> {
  const { rows } = await client.query(sql);
  return rows[0] as T;
}

/** md5 of every table's rows in primary-key order. */
async function fingerprint(client: pg.ClientBase): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const [table, key] of Object.entries(PRIMARY_KEYS)) {
    const row = await one<{ hash: string }>(
      client,
      `SELECT md5(string_agg(t::text, E'\\n' ORDER BY ${key})) AS hash FROM public.${table} t`,
    );
    hashes[table] = row.hash;
  }
  return hashes;
}

if (!server) console.warn('Skipping sample warehouse tests: no reachable PostgreSQL server for this project.');

describe.skipIf(!server)(`sample warehouse seed on ${server?.name}`, () => {
  const suffix = randomBytes(4).toString('hex');
  const databases = [`quarry_seed_test_${suffix}_a`, `quarry_seed_test_${suffix}_b`];
  const admin = new pg.Client(server?.url);
  const clients: pg.Client[] = [];
  let db: pg.Client;
  let loaded: Record<string, number>;
  let presentBeforeLoad: boolean;

  beforeAll(async () => {
    await admin.connect();
    for (const name of databases) {
      await admin.query(`CREATE DATABASE ${name}`);
      clients.push(await connect(server!.url, name));
    }
    db = clients[0]!;
    presentBeforeLoad = await hasSampleWarehouse(db);
    await loadSampleWarehouse(db, { scale: SCALE, seed: SEED });
    // The second load replaces the first one, exercising the DROP ... CASCADE path.
    ({ tables: loaded } = await loadSampleWarehouse(db, { scale: SCALE, seed: SEED }));
    await loadSampleWarehouse(clients[1]!, { scale: SCALE, seed: SEED });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('detects whether the warehouse is loaded', async () => {
    expect(presentBeforeLoad).toBe(false);
    expect(await hasSampleWarehouse(db)).toBe(true);
  });

  it('produces identical data for the same scale and seed, different data for another seed', async () => {
    const reference = await fingerprint(db);
    expect(await fingerprint(clients[1]!)).toEqual(reference);

    await loadSampleWarehouse(clients[1]!, { scale: SCALE, seed: SEED + 1 });
    const other = await fingerprint(clients[1]!);
    for (const table of Object.keys(PRIMARY_KEYS)) expect(other[table]).not.toBe(reference[table]);
  });

  it('loads row counts proportional to the scale', async () => {
    for (const table of Object.keys(PRIMARY_KEYS)) {
      const { n } = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM public.${table}`);
      expect(loaded[table], table).toBe(n);
    }
    expect(loaded.customers).toBe(200);
    expect(loaded.products).toBe(158);
    expect(loaded.orders).toBeGreaterThan(1800);
    expect(loaded.orders).toBeLessThan(2200);
    expect(loaded.order_items! / loaded.orders!).toBeGreaterThan(2.7);
    expect(loaded.order_items! / loaded.orders!).toBeLessThan(3.3);
    expect(loaded.social_posts).toBeGreaterThan(400);
    expect(loaded.social_posts).toBeLessThan(600);

    const { rate } = await one<{ rate: number }>(
      db,
      `SELECT (count(*) FILTER (WHERE status = 'returned'))::float
              / count(*) FILTER (WHERE status IN ('delivered', 'returned')) AS rate
         FROM public.orders`,
    );
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.08);
  });

  it('comments every table and column', async () => {
    const { rows: tables } = await db.query<{ name: string; comment: string | null }>(
      `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(PRIMARY_KEYS).sort());
    expect(tables.filter((t) => !t.comment)).toEqual([]);

    const { rows: uncommented } = await db.query(
      `SELECT c.relname, a.attname
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND coalesce(col_description(c.oid, a.attnum), '') = ''`,
    );
    expect(uncommented).toEqual([]);

    const { comment } = await one<{ comment: string }>(db, `SELECT obj_description('public.order_items'::regclass) AS comment`);
    expect(comment).toContain('quantity * unit_price * (1 - discount)');
  });

  it('enforces foreign keys and keeps the business rules consistent', async () => {
    const { fks } = await one<{ fks: number }>(
      db,
      `SELECT count(*)::int AS fks FROM pg_constraint
        WHERE contype = 'f' AND convalidated AND connamespace = 'public'::regnamespace`,
    );
    expect(fks).toBe(5);

    const violations = await one<Record<string, number>>(
      db,
      `SELECT
         (SELECT count(*)::int FROM orders o JOIN customers c USING (customer_id)
           WHERE o.order_date < c.signup_date) AS order_before_signup,
         (SELECT count(*)::int FROM order_items i JOIN orders o USING (order_id) JOIN products p USING (product_id)
           WHERE o.order_date < p.launched_on) AS sold_before_launch,
         (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id))
           AS order_without_lines,
         (SELECT count(*)::int FROM returns r JOIN orders o USING (order_id)
            LEFT JOIN order_items i ON i.order_id = r.order_id AND i.product_id = r.product_id
           WHERE i.order_id IS NULL OR o.status <> 'returned' OR r.returned_on <= o.order_date
              OR r.refund_amount > round(i.quantity * i.unit_price * (1 - i.discount), 2)) AS bad_return,
         (SELECT count(*)::int FROM orders o
           WHERE o.status = 'returned' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.order_id))
           AS returned_without_return,
         (SELECT count(*)::int FROM order_items WHERE discount NOT BETWEEN 0 AND 0.5 OR quantity < 1 OR unit_price <= 0)
           AS bad_line,
         (SELECT count(*)::int FROM orders WHERE order_date NOT BETWEEN '2023-01-01' AND '2025-12-31') AS order_out_of_range,
         (SELECT count(*)::int FROM social_posts
           WHERE created_at < '2023-01-01 00:00+00' OR created_at >= '2026-01-01 00:00+00') AS post_out_of_range`,
    );
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
  });

  it('has seasonal, growing order volume', async () => {
    const { q1, q4 } = await one<{ q1: number; q4: number }>(
      db,
      `WITH quarterly AS (
         SELECT extract(quarter FROM o.order_date) AS quarter,
                sum(i.quantity * i.unit_price * (1 - i.discount)) AS revenue
           FROM orders o JOIN order_items i USING (order_id)
          WHERE o.status <> 'cancelled'
          GROUP BY extract(year FROM o.order_date), extract(quarter FROM o.order_date))
       SELECT avg(revenue) FILTER (WHERE quarter = 1)::float AS q1,
              avg(revenue) FILTER (WHERE quarter = 4)::float AS q4
         FROM quarterly`,
    );
    expect(q4).toBeGreaterThan(q1);

    const { y2023, y2025 } = await one<{ y2023: number; y2025: number }>(
      db,
      `SELECT count(*) FILTER (WHERE order_date < '2024-01-01')::int AS y2023,
              count(*) FILTER (WHERE order_date >= '2025-01-01')::int AS y2025
         FROM orders`,
    );
    expect(y2025).toBeGreaterThan(1.5 * y2023);
  });
});
