import { createHmac } from 'node:crypto';
import pg from 'pg';

export type ReaderRoleOptions = {
  /** A connection to the warehouse database as a role allowed to create roles and grant. */
  admin: pg.ClientBase;
  role: string;
  password: string;
  schemas: string[];
  statementTimeoutMs?: number;
};

/** A stable password for a provisioned reader role: derived from QUARRY_SECRET, never stored. */
export function readerPassword(secret: string, database: string): string {
  return createHmac('sha256', secret).update(`warehouse-reader:${database}`).digest('base64url');
}

/**
 * Creates (or resets) a least-privilege login role for reading one warehouse database: SELECT on
 * the tables of `schemas` only, no CREATE or TEMP, and role defaults that hold even if a query
 * escaped every other layer: read-only transactions, timeouts, a fixed search_path, and a cap on
 * temporary files.
 */
export async function provisionReaderRole({ admin, role, password, schemas, statementTimeoutMs = 30_000 }: ReaderRoleOptions): Promise<void> {
  const r = pg.escapeIdentifier(role);
  const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
  const db = pg.escapeIdentifier(rows[0]!.db);
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const statements = [
    exists.rowCount ? null : `CREATE ROLE ${r} LOGIN`,
    `ALTER ROLE ${r} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 20 PASSWORD ${pg.escapeLiteral(password)}`,
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    `REVOKE ALL ON DATABASE ${db} FROM ${r}`,
    `GRANT CONNECT ON DATABASE ${db} TO ${r}`,
    ...schemas.flatMap((s) => {
      const schema = pg.escapeIdentifier(s);
      return [
        `REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`,
        `GRANT USAGE ON SCHEMA ${schema} TO ${r}`,
        `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${r}`,
      ];
    }),
    `ALTER ROLE ${r} SET default_transaction_read_only = on`,
    `ALTER ROLE ${r} SET statement_timeout = ${Math.trunc(statementTimeoutMs)}`,
    `ALTER ROLE ${r} SET lock_timeout = 5000`,
    `ALTER ROLE ${r} SET idle_in_transaction_session_timeout = 60000`,
    `ALTER ROLE ${r} SET temp_file_limit = '256MB'`,
    `ALTER ROLE ${r} SET search_path = ${schemas.map((s) => pg.escapeIdentifier(s)).join(', ')}`,
  ];
  for (const sql of statements) if (sql) await admin.query(sql);
}
