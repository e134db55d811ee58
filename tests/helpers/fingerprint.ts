import type pg from 'pg';

/**
 * Everything a hostile query could change, as one comparable object: each table's row count and
 * checksum, the objects of every user schema, roles, role settings, functions, large objects,
 * extensions and server-wide settings. Read as a superuser.
 */
export async function fingerprint(admin: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const { rows: tables } = await admin.query<{ id: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS id FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
     ORDER BY 1`,
  );
  for (const { id } of tables) {
    const { rows } = await admin.query(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${id} t`);
    out[`table ${id}`] = `${rows[0].n} ${rows[0].sum}`;
  }
  const facts: Record<string, string> = {
    objects: `SELECT string_agg(format('%s.%s:%s', n.nspname, c.relname, c.relkind), ',' ORDER BY 1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
    schemas: `SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`,
    roles: `SELECT string_agg(format('%s:%s%s%s%s', rolname, rolsuper, rolcanlogin, rolcreaterole, rolcreatedb), ',' ORDER BY rolname) FROM pg_roles`,
    memberships: `SELECT string_agg(format('%s>%s', roleid, member), ',' ORDER BY roleid, member) FROM pg_auth_members`,
    roleSettings: `SELECT string_agg(format('%s/%s:%s', setdatabase, setrole, array_to_string(setconfig, ',')), ';' ORDER BY setdatabase, setrole) FROM pg_db_role_setting`,
    functions: `SELECT count(*)::text FROM pg_proc`,
    largeObjects: `SELECT count(*)::text FROM pg_largeobject_metadata`,
    extensions: `SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension`,
    systemSettings: `SELECT coalesce(string_agg(format('%s=%s', name, setting), ',' ORDER BY name), '') FROM pg_file_settings WHERE sourcefile LIKE '%auto.conf'`,
    grants: `SELECT string_agg(format('%s:%s', c.relname, c.relacl), ',' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
  };
  for (const [name, sql] of Object.entries(facts)) {
    const { rows } = await admin.query(sql);
    out[name] = String(Object.values(rows[0])[0]);
  }
  return out;
}
