import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

function createDb() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Quarry with `npm run dev` or `npm start`, which start the embedded Postgres, or set it to your Postgres.');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client dropped by the server (restart, failover) must not crash the process. Once the
  // pool is closing, its clients end on their own time and a server stopping after it is expected.
  pool.on('error', (error) => {
    if (!pool.ending) console.error(`[quarry] app database connection lost: ${error.message}`);
  });
  return drizzle(pool, { schema });
}

export type Db = ReturnType<typeof createDb>;
const holder = globalThis as unknown as { quarryDb?: Db };

/** The app database, created on first use and shared across hot reloads. */
export function db(): Db {
  return (holder.quarryDb ??= createDb());
}

/** Closes the app database's pool if one is open: before its server stops, so no idle connection is cut. */
export async function closeDb() {
  const open = holder.quarryDb;
  holder.quarryDb = undefined;
  await open?.$client.end();
}

/**
 * A query built once and prepared as a named statement on each connection that runs it: hot
 * paths (every chat turn) skip building the SQL, and Postgres skips parsing and planning it.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  const built = new WeakMap<Db, T>();
  return () => {
    const current = db();
    let query = built.get(current);
    if (!query) built.set(current, (query = build(current)));
    return query;
  };
}

const dialect = new PgDialect();

/**
 * A statement composed with sql`` (a data-modifying CTE the query builders cannot express), with
 * sql.placeholder() for its values: compiled once and prepared like `prepared()`'s queries.
 */
export function preparedSql<Row extends pg.QueryResultRow = never>(name: string, build: (db: Db) => SQL) {
  return prepared((db) => db._.session.prepareQuery<{ execute: pg.QueryResult<Row>; all: never; values: never }>(dialect.sqlToQuery(build(db)), undefined, name, false));
}
