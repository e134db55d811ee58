import type pg from 'pg';

/** Roles whose membership lets a reader touch the server's files, programs, other sessions or all data. */
const DANGEROUS_ROLES = [
  'pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program', 'pg_write_all_data',
  'pg_read_all_data', 'pg_signal_backend', 'pg_read_all_settings', 'pg_monitor', 'pg_checkpoint',
];
const REFUSED_ROLES = new Set(['pg_write_server_files', 'pg_execute_server_program', 'pg_write_all_data']);

export type ConnectionReport = {
  role: string;
  superuser: boolean;
  /** Allowed tables this role can INSERT, UPDATE, DELETE or TRUNCATE. */
  writableTables: string[];
  /** Schemas of the dataset where it can create objects. */
  creatableSchemas: string[];
  dangerousRoles: string[];
  /** dblink or postgres_fdw installed and usable: a query could reach other servers. */
  remoteAccess: string[];
  securityDefinerFunctions: string[];
  settings: { readOnlyByDefault: boolean; statementTimeout: string; tempFileLimit: string };
  /** Reasons to refuse this connection for a dataset; empty when it is safe enough. */
  problems: string[];
  /** Things an admin should know that do not block saving. */
  warnings: string[];
};

/** What the connection's role can do, layer by layer; run as that role. */
export async function checkConnection(pool: pg.Pool, tables: string[], schemas: string[]): Promise<ConnectionReport> {
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;
  const [role] = await one<{ role: string; superuser: boolean; createrole: boolean; bypassrls: boolean }>(
    'SELECT current_user AS role, rolsuper AS superuser, rolcreaterole AS createrole, rolbypassrls AS bypassrls FROM pg_roles WHERE rolname = current_user',
  );
  // Ids are `schema.name` as written, not quoted SQL: quote each part so mixed-case names resolve.
  const writable = await one<{ t: string }>(
    `SELECT t FROM unnest($1::text[]) t, LATERAL (SELECT format('%I.%I', split_part(t, '.', 1), substr(t, strpos(t, '.') + 1)) AS q) n
     WHERE to_regclass(n.q) IS NOT NULL AND has_table_privilege(n.q, 'INSERT, UPDATE, DELETE, TRUNCATE')`,
    [tables],
  );
  const creatable = await one<{ s: string }>(
    `SELECT s FROM unnest($1::text[]) s WHERE to_regnamespace(quote_ident(s)) IS NOT NULL AND has_schema_privilege(s, 'CREATE')`,
    [schemas],
  );
  const memberships = await one<{ rolname: string }>(
    `SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND pg_has_role(current_user, oid, 'MEMBER') ORDER BY rolname`,
    [DANGEROUS_ROLES],
  );
  const remote = await one<{ name: string }>(
    `SELECT extname AS name FROM pg_extension e
     WHERE extname = 'dblink' AND EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = e.extnamespace AND p.proname = 'dblink_connect' AND has_function_privilege(p.oid, 'EXECUTE'))
        OR extname = 'postgres_fdw' AND has_foreign_data_wrapper_privilege('postgres_fdw', 'USAGE')`,
  );
  const definers = await one<{ fn: string }>(
    `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND has_function_privilege(p.oid, 'EXECUTE')
     ORDER BY 1 LIMIT 50`,
  );
  const [settings] = await one<{ ro: string; timeout: string; temp: string }>(
    `SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout, current_setting('temp_file_limit') AS temp`,
  );

  const report: ConnectionReport = {
    role: role!.role,
    superuser: role!.superuser,
    writableTables: writable.map((r) => r.t),
    creatableSchemas: creatable.map((r) => r.s),
    dangerousRoles: memberships.map((r) => r.rolname),
    remoteAccess: remote.map((r) => r.name),
    securityDefinerFunctions: definers.map((r) => r.fn),
    settings: { readOnlyByDefault: settings!.ro === 'on', statementTimeout: settings!.timeout, tempFileLimit: settings!.temp },
    problems: [],
    warnings: [],
  };
  const { problems, warnings } = report;
  if (report.superuser) problems.push(`Role ${report.role} is a superuser: it can read files, run programs and change any data. Connect as a role with SELECT on the dataset's tables only.`);
  if (report.writableTables.length) problems.push(`Role ${report.role} can write to ${report.writableTables.join(', ')}. Revoke INSERT, UPDATE, DELETE and TRUNCATE; Quarry needs SELECT only.`);
  const refused = report.dangerousRoles.filter((r) => REFUSED_ROLES.has(r));
  if (refused.length) problems.push(`Role ${report.role} is a member of ${refused.join(', ')}, which can write server files, run programs or write all data. Revoke that membership.`);
  if (role!.createrole) warnings.push(`Role ${report.role} can create roles (CREATEROLE).`);
  if (role!.bypassrls) warnings.push(`Role ${report.role} bypasses row-level security.`);
  const others = report.dangerousRoles.filter((r) => !REFUSED_ROLES.has(r));
  if (others.length) warnings.push(`Role ${report.role} is a member of ${others.join(', ')}.`);
  if (report.creatableSchemas.length) warnings.push(`Role ${report.role} can create objects in ${report.creatableSchemas.join(', ')}.`);
  if (report.remoteAccess.length) warnings.push(`${report.remoteAccess.join(' and ')} can be used to reach other servers.`);
  if (report.securityDefinerFunctions.length) warnings.push(`Role ${report.role} may execute SECURITY DEFINER functions: ${report.securityDefinerFunctions.slice(0, 5).join(', ')}${report.securityDefinerFunctions.length > 5 ? ', ...' : ''}.`);
  if (!report.settings.readOnlyByDefault) warnings.push(`Role ${report.role} does not default to read-only transactions (ALTER ROLE ... SET default_transaction_read_only = on).`);
  if (report.settings.statementTimeout === '0') warnings.push(`Role ${report.role} has no statement_timeout of its own.`);
  return report;
}

/** Refuses a connection whose role could change data or reach the server, saying why. */
export function assertSafeConnection(report: ConnectionReport): void {
  if (report.problems.length) throw new Error(`This connection is not safe for a dataset: ${report.problems.join(' ')}`);
}
