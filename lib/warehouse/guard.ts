import pg from 'pg';
import { loadModule, parseSync, scanSync, SqlError } from 'libpg-query';
import { SAFE_FUNCTIONS, SAFE_OPERATORS, SAFE_TABLESAMPLE_METHODS, SAFE_TYPES } from './guard-allowlist';

/** What one dataset lets a query touch. */
export type GuardPolicy = {
  /** Qualified `schema.table` names of the relations the dataset exposes. */
  tables: string[];
  /** The schemas unqualified names resolve against, in order; the executor pins the same path. */
  searchPath: string[];
  /** Functions beyond the built-in allowlist, `schema.name` or `name` (e.g. a custom aggregate). */
  functions?: string[];
  /** The dataset's enum and domain types, `schema.name`: casts to them run built-in code only. */
  types?: string[];
  /** Let queries read pg_catalog and information_schema. Off unless a dataset asks for it. */
  allowSystemCatalogs?: boolean;
};

type DatasetRules = { schemas: string[]; allowedFunctions?: string[]; allowSystemCatalogs?: boolean };

/** A dataset's policy: the tables and types of its catalog, resolved against its schemas. */
export function datasetPolicy(dataset: DatasetRules, catalog: { tables: { id: string }[]; types?: string[] }): GuardPolicy {
  return {
    tables: catalog.tables.map((t) => t.id),
    types: catalog.types ?? [],
    searchPath: dataset.schemas,
    functions: dataset.allowedFunctions ?? [],
    allowSystemCatalogs: dataset.allowSystemCatalogs ?? false,
  };
}

export type GuardVerdict = { ok: true; tables: string[] } | { ok: false; reason: string };

class Rejection extends Error {}

type Node = Record<string, unknown>;
type Context = { policy: GuardPolicy; tables: Set<string>; params: Set<number> };

const STATEMENT_NAMES: Record<string, string> = {
  InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', MergeStmt: 'MERGE', TruncateStmt: 'TRUNCATE',
  CopyStmt: 'COPY', TransactionStmt: 'transaction control (BEGIN/COMMIT/ROLLBACK/SAVEPOINT)',
  VariableSetStmt: 'SET/RESET', VariableShowStmt: 'SHOW', ExplainStmt: 'EXPLAIN', DoStmt: 'DO', CallStmt: 'CALL',
  PrepareStmt: 'PREPARE', ExecuteStmt: 'EXECUTE', DeallocateStmt: 'DEALLOCATE', LockStmt: 'LOCK',
  ListenStmt: 'LISTEN', NotifyStmt: 'NOTIFY', UnlistenStmt: 'UNLISTEN', VacuumStmt: 'VACUUM/ANALYZE',
  DeclareCursorStmt: 'DECLARE CURSOR', FetchStmt: 'FETCH', ClosePortalStmt: 'CLOSE', DiscardStmt: 'DISCARD',
  CheckPointStmt: 'CHECKPOINT', CreateTableAsStmt: 'CREATE TABLE AS', GrantStmt: 'GRANT/REVOKE', GrantRoleStmt: 'GRANT/REVOKE role',
};

const REG_TYPES = /^reg(class|proc|procedure|oper|operator|type|config|dictionary|namespace|role|collation)$/;
const isSystemSchema = (schema: string) => schema === 'information_schema' || schema.startsWith('pg_');
const str = (n: unknown) => ((n as { String?: { sval?: string } }).String?.sval ?? '');

let loading: Promise<void> | undefined;

/** Loads the Postgres parser (WASM) once; every check awaits it. */
export function loadGuard(): Promise<void> {
  return (loading ??= loadModule());
}

function statementName(type: string): string {
  if (STATEMENT_NAMES[type]) return STATEMENT_NAMES[type];
  return type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

function available(policy: GuardPolicy): string {
  const list = policy.tables.slice(0, 30).join(', ');
  return policy.tables.length > 30 ? `${list}, ... (${policy.tables.length} in all)` : list;
}

function checkRelation(rv: Node, scope: Set<string>, ctx: Context) {
  const relname = String(rv.relname);
  const schemaname = rv.schemaname as string | undefined;
  if (rv.catalogname) throw new Rejection(`"${rv.catalogname}.${schemaname}.${relname}" names another database; use schema.table.`);
  if (!schemaname && scope.has(relname)) return; // a CTE in scope
  const { policy } = ctx;
  // pg_catalog is searched before the search_path, so an unqualified pg_* name is a catalog.
  const system = schemaname ? isSystemSchema(schemaname) : relname.startsWith('pg_');
  if (system) {
    if (policy.allowSystemCatalogs) return;
    throw new Rejection(`${schemaname ? `${schemaname}.` : ''}${relname} is a system catalog, which this dataset does not expose. Query only its tables: ${available(policy)}.`);
  }
  const id = schemaname
    ? `${schemaname}.${relname}`
    : policy.searchPath.map((s) => `${s}.${relname}`).find((candidate) => policy.tables.includes(candidate));
  if (!id || !policy.tables.includes(id)) {
    throw new Rejection(`Table ${schemaname ? `${schemaname}.` : ''}${relname} is not in this dataset. Available tables: ${available(policy)}.`);
  }
  ctx.tables.add(id);
}

function checkFunction(names: string[], ctx: Context) {
  const extra = ctx.policy.functions ?? [];
  const name = names.at(-1)!;
  const shown = names.join('.');
  if (names.length === 1 && (SAFE_FUNCTIONS.has(name) || extra.includes(name) || ctx.policy.searchPath.some((s) => extra.includes(`${s}.${name}`)))) return;
  if (names.length === 2 && names[0] === 'pg_catalog' && SAFE_FUNCTIONS.has(name)) return;
  if (names.length === 2 && extra.includes(shown)) return;
  throw new Rejection(
    `Function ${shown}() is not allowed: only side-effect-free built-in functions (aggregates, window, math, string, date/time, JSON, arrays) may be used.`,
  );
}

function checkType(typeName: Node, policy: GuardPolicy) {
  const names = ((typeName.names as unknown[]) ?? []).map(str);
  const name = names.at(-1) ?? '';
  if (REG_TYPES.test(name)) throw new Rejection(`Casts to ${name} are not allowed: they look up database objects. Compare names as text instead.`);
  if (names.length === 2 && names[0] === 'pg_catalog') return;
  if (names.length === 1 && SAFE_TYPES.has(name)) return;
  const own = policy.types ?? [];
  if (names.length === 2 && own.includes(names.join('.'))) return;
  if (names.length === 1 && policy.searchPath.some((s) => own.includes(`${s}.${name}`))) return;
  throw new Rejection(`Type ${names.join('.')} is not a built-in type this guard allows in casts.`);
}

function checkOperator(names: string[]) {
  const op = names.at(-1)!;
  if ((names.length === 1 || (names.length === 2 && names[0] === 'pg_catalog')) && SAFE_OPERATORS.has(op)) return;
  throw new Rejection(`Operator ${names.join('.')} is not a built-in operator this guard allows.`);
}

function walk(value: unknown, scope: Set<string>, ctx: Context): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, scope, ctx);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    // A parse-tree node is `{ TypeName: { ...fields } }`; plain fields hold other values.
    if (/^[A-Z]/.test(key) && child && typeof child === 'object' && !Array.isArray(child)) visit(key, child as Node, scope, ctx);
    else walk(child, scope, ctx);
  }
}

function visit(type: string, node: Node, scope: Set<string>, ctx: Context): void {
  switch (type) {
    case 'SelectStmt':
      return visitSelect(node, scope, ctx);
    case 'RangeVar':
      return checkRelation(node, scope, ctx);
    case 'FuncCall':
      checkFunction((node.funcname as unknown[]).map(str), ctx);
      return walk({ ...node, funcname: undefined }, scope, ctx);
    case 'TypeCast':
      checkType(node.typeName as Node, ctx.policy);
      return walk(node.arg, scope, ctx);
    case 'A_Expr':
      if (Array.isArray(node.name) && /^AEXPR_OP/.test(String(node.kind))) checkOperator(node.name.map(str));
      return walk({ ...node, name: undefined }, scope, ctx);
    case 'ParamRef':
      ctx.params.add(Number(node.number));
      return;
    case 'RangeTableSample': {
      const method = ((node.method as unknown[]) ?? []).map(str);
      if (method.length !== 1 || !SAFE_TABLESAMPLE_METHODS.has(method[0]!)) throw new Rejection(`TABLESAMPLE ${method.join('.')} is not allowed; use SYSTEM or BERNOULLI.`);
      return walk({ ...node, method: undefined }, scope, ctx);
    }
    case 'IntoClause':
      throw new Rejection('SELECT INTO creates a table: only plain SELECTs are allowed.');
    case 'LockingClause':
      throw new Rejection('FOR UPDATE/SHARE takes row locks: only plain SELECTs are allowed.');
    default:
      if (type.endsWith('Stmt')) throw new Rejection(`${statementName(type)} is not allowed: Quarry runs exactly one read-only SELECT.`);
      return walk(node, scope, ctx);
  }
}

function visitSelect(select: Node, scope: Set<string>, ctx: Context): void {
  if (select.intoClause) visit('IntoClause', select.intoClause as Node, scope, ctx);
  if (Array.isArray(select.lockingClause) && select.lockingClause.length) visit('LockingClause', {}, scope, ctx);
  let inner = scope;
  const withClause = select.withClause as { ctes?: { CommonTableExpr: Node }[]; recursive?: boolean } | undefined;
  if (withClause?.ctes) {
    const names = withClause.ctes.map((c) => String(c.CommonTableExpr.ctename));
    inner = new Set([...scope, ...names]);
    // A plain WITH sees only the CTEs before it; WITH RECURSIVE sees them all.
    withClause.ctes.forEach((c, i) => walk(c.CommonTableExpr, withClause.recursive ? inner : new Set([...scope, ...names.slice(0, i)]), ctx));
  }
  for (const [key, value] of Object.entries(select)) {
    if (key === 'withClause' || key === 'intoClause' || key === 'lockingClause') continue;
    // The two sides of UNION/INTERSECT/EXCEPT are bare SelectStmt fields, not wrapped nodes.
    if ((key === 'larg' || key === 'rarg') && value) visitSelect(value as Node, inner, ctx);
    else walk(value, inner, ctx);
  }
}

function checkParams(used: Set<number>, given: number) {
  const missing = [...used].filter((n) => n > given).sort((a, b) => a - b);
  if (missing.length) throw new Rejection(`The SQL uses $${missing[0]} but params has ${given} value${given === 1 ? '' : 's'}: pass one value per placeholder.`);
  for (let n = 1; n <= given; n++) {
    if (!used.has(n)) throw new Rejection(`params has ${given} values but the SQL never uses $${n}: pass exactly one value per placeholder.`);
  }
}

/** The parse check with the parser already loaded (see loadGuard). */
export function checkSqlSync(sql: string, params: readonly unknown[], policy: GuardPolicy): GuardVerdict {
  try {
    let tree;
    try {
      tree = parseSync(sql);
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      const at = error.sqlDetails?.cursorPosition;
      throw new Rejection(`The SQL does not parse: ${error.message}${at !== undefined ? ` (at character ${at + 1})` : ''}.`);
    }
    const statements = tree.stmts ?? [];
    if (statements.length !== 1) throw new Rejection(`Send exactly one statement; this SQL has ${statements.length}.`);
    const ctx: Context = { policy, tables: new Set(), params: new Set() };
    walk(statements[0]!.stmt, new Set(), ctx);
    checkParams(ctx.params, params.length);
    return { ok: true, tables: [...ctx.tables] };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Accepts exactly one read-only SELECT over the policy's tables, with side-effect-free functions. */
export async function checkSql(sql: string, params: readonly unknown[], policy: GuardPolicy): Promise<GuardVerdict> {
  await loadGuard();
  return checkSqlSync(sql, params, policy);
}

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return value < 0 ? `(${value})` : String(value);
  return pg.escapeLiteral(String(value));
};

/**
 * The statement rewritten for contexts that cannot bind parameters, such as `COPY (query) TO`:
 * rebuilt from the Postgres scanner's tokens, with `$n` replaced by quoted literals, comments and
 * trailing semicolons dropped. Call only on SQL the guard accepted; check the result again.
 */
export async function inlineParams(sql: string, params: readonly unknown[]): Promise<string> {
  await loadGuard();
  const bytes = Buffer.from(sql, 'utf8');
  const tokens = scanSync(sql).tokens.filter((t) => t.tokenName !== 'C_COMMENT' && t.tokenName !== 'SQL_COMMENT');
  while (tokens.at(-1)?.text === ';') tokens.pop();
  return tokens
    .map((t) => (t.tokenName === 'PARAM' ? literal(params[Number(t.text.slice(1)) - 1]) : bytes.subarray(t.start, t.end).toString('utf8')))
    .join(' ');
}
