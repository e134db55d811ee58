import pg from 'pg';
import { checkConnection, type ConnectionReport } from '@/lib/warehouse/check';

/** user:****@host:port/db — all of a connection string the browser may see. */
export function maskConnection(connection: string): string {
  try {
    const url = new URL(connection);
    const user = decodeURIComponent(url.username);
    return `${user ? `${user}:****@` : ''}${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return '****';
  }
}

/** A connection string Quarry can use: a postgres:// URL naming a host and a database. */
export function connectionProblem(connection: string): string | null {
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    return 'The connection string is not a URL: write it as postgres://user:password@host:5432/database.';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return 'The connection string must start with postgres:// or postgresql://.';
  if (!url.hostname) return 'The connection string names no host: write it as postgres://user:password@host:5432/database.';
  if (url.pathname.length <= 1) return 'The connection string names no database: add /<database> after the host and port.';
  return null;
}

export type ConnectionTest =
  | { ok: true; serverVersion: string; latencyMs: number; schemas: string[]; tableCount: number; report: ConnectionReport }
  | { ok: false; error: string };

/** Turns a driver error into a sentence an admin can act on, never echoing the password. */
export function describeConnectionError(error: unknown, connection: string): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const target = maskConnection(connection);
  switch (code) {
    case '28P01':
    case '28000':
      return `The server at ${target} refused the user name or password: check them and try again.`;
    case '3D000':
      return `The database in ${target} does not exist on that server: check its name.`;
    case '42501':
      return `The role in ${target} may not connect to that database: GRANT CONNECT ON DATABASE to it.`;
    case 'ECONNREFUSED':
      return `Nothing is listening at ${target}: check the host and port, and that the server is running.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host in ${target} could not be found: check its name.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `The server at ${target} could not be reached in time: check the host, the port and any firewall.`;
  }
  if (/timeout/i.test(message)) return `The server at ${target} could not be reached in time: check the host, the port and any firewall.`;
  return `Could not connect to ${target}: ${message.replaceAll(connection, target)}`;
}

const TABLES_SQL = `SELECT n.nspname || '.' || c.relname AS id FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT c.relispartition AND n.nspname = ANY($1)`;

const SCHEMAS_SQL = `SELECT nspname AS name FROM pg_namespace
WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' AND has_schema_privilege(oid, 'USAGE') ORDER BY 1`;

/**
 * Connects once with a throwaway pool and reports the server version, the round-trip latency,
 * the schemas the role may use, and what the role can do over `schemas` (lib/warehouse/check.ts).
 */
export async function testConnection(connection: string, schemas: string[], tables?: string[] | null): Promise<ConnectionTest> {
  const problem = connectionProblem(connection);
  if (problem) return { ok: false, error: problem };
  const pool = new pg.Pool({ connectionString: connection, max: 1, connectionTimeoutMillis: 5_000, application_name: 'quarry-check' });
  pool.on('error', () => {});
  try {
    const started = performance.now();
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    const latencyMs = Math.round(performance.now() - started);
    const visible = (await pool.query<{ name: string }>(SCHEMAS_SQL)).rows.map((r) => r.name);
    const all = (await pool.query<{ id: string }>(TABLES_SQL, [schemas])).rows.map((r) => r.id);
    const checked = tables ? all.filter((t) => tables.includes(t)) : all;
    const report = await checkConnection(pool, checked, schemas);
    return { ok: true, serverVersion: rows[0]!.server_version, latencyMs, schemas: visible, tableCount: all.length, report };
  } catch (error) {
    return { ok: false, error: describeConnectionError(error, connection) };
  } finally {
    await pool.end().catch(() => {});
  }
}
