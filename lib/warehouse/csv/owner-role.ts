import { createHmac } from 'node:crypto';
import pg from 'pg';

export type OwnerRoleOptions = {
  /** A connection to the warehouse database as a role allowed to create roles and grant. */
  admin: pg.ClientBase;
  role: string;
  password: string;
  /** The schema CSV loads create their tables in. */
  schema: string;
};

/** A stable password for a provisioned owner role: derived from QUARRY_SECRET, never stored in plain text. */
export function ownerPassword(secret: string, database: string): string {
  return createHmac('sha256', secret).update(`warehouse-owner:${database}`).digest('base64url');
}

/**
 * Creates (or resets) the login role CSV loads write through: it may create tables in one schema
 * and owns only what it creates, so it can grant SELECT on them to the reader role, yet it cannot
 * change the warehouse's other tables, create roles or databases, or bypass row security.
 */
export async function provisionOwnerRole({ admin, role, password, schema }: OwnerRoleOptions): Promise<void> {
  const r = pg.escapeIdentifier(role);
  const s = pg.escapeIdentifier(schema);
  const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
  const db = pg.escapeIdentifier(rows[0]!.db);
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const statements = [
    exists.rowCount ? null : `CREATE ROLE ${r} LOGIN`,
    `ALTER ROLE ${r} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 5 PASSWORD ${pg.escapeLiteral(password)}`,
    `GRANT CONNECT ON DATABASE ${db} TO ${r}`,
    `GRANT USAGE, CREATE ON SCHEMA ${s} TO ${r}`,
    `ALTER ROLE ${r} SET search_path = ${s}`,
    `ALTER ROLE ${r} SET idle_in_transaction_session_timeout = 60000`,
  ];
  for (const sql of statements) if (sql) await admin.query(sql);
}
