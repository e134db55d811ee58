import pg from 'pg';

/** A cell as JSON carries it: values without an exact JS form stay in Postgres' text form. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
export type QueryColumn = { name: string; type: string };
export type QueryResult = {
  columns: QueryColumn[];
  rows: Cell[][];
  /** Rows returned; when `truncated`, the query had more than this. */
  rowCount: number;
  truncated: boolean;
  /** Milliseconds, to a tenth, from asking the pool for a connection to having the rows. */
  durationMs: number;
};
export type RunOptions = {
  maxRows: number;
  timeoutMs: number;
  searchPath: string[];
  /** Aborting (the browser went away, the user pressed Stop) cancels the query in Postgres. */
  signal?: AbortSignal;
};

const TYPE_NAMES: Record<number, string> = {
  16: 'boolean', 20: 'bigint', 21: 'smallint', 23: 'integer', 25: 'text', 114: 'json', 700: 'real',
  701: 'double precision', 1042: 'character', 1043: 'character varying', 1082: 'date', 1083: 'time',
  1114: 'timestamp', 1184: 'timestamptz', 1186: 'interval', 1700: 'numeric', 2950: 'uuid', 3802: 'jsonb',
};

const asIso = (value: string) => new Date(value.includes('T') || value.includes('+') || value.endsWith('Z') ? value : `${value}Z`).toISOString();

/** Values a browser can render and JSON can carry: exact where JS numbers are exact, text otherwise. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    switch (oid) {
      case 20:
      case 1700:
        return (v: string) => (Math.abs(Number(v)) < Number.MAX_SAFE_INTEGER ? Number(v) : v);
      case 1082:
        return (v: string) => v;
      case 1114:
        return (v: string) => asIso(v.replace(' ', 'T'));
      case 1184:
        return (v: string) => new Date(v).toISOString();
      case 114:
      case 3802:
        return (v: string) => JSON.parse(v) as Cell;
      case 16:
      case 21:
      case 23:
      case 700:
      case 701:
        return pg.types.getTypeParser(oid, format);
      default:
        return (v: string) => v;
    }
  },
};

async function typeNames(client: pg.PoolClient, oids: number[]): Promise<Map<number, string>> {
  const names = new Map(oids.filter((o) => TYPE_NAMES[o]).map((o) => [o, TYPE_NAMES[o]!]));
  const unknown = oids.filter((o) => !names.has(o));
  if (unknown.length) {
    const { rows } = await client.query<{ oid: number; name: string }>(
      'SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1)',
      [unknown],
    );
    for (const r of rows) names.set(r.oid, r.name);
  }
  return names;
}

/** The statement goes inside this subquery, so the row cap is the query's own LIMIT. */
const WRAP_HEAD = 'SELECT * FROM (\n';

/**
 * `LIMIT maxRows + 1` around the statement, rather than a cursor that fetches that many:
 * Postgres never plans a portal read in row-limited batches in parallel, so a cursor made
 * large aggregates several times slower. The newline before `)` ends a trailing `--` comment;
 * a trailing semicolon is dropped. COPY, or anything else that is not a query, cannot be a
 * subquery and fails as a syntax error.
 */
function capped(sql: string, maxRows: number): string {
  return `${WRAP_HEAD}${sql.replace(/;(?:\s|--[^\n]*)*$/, '')}\n) AS quarry_result LIMIT ${maxRows + 1}`;
}

/** Error positions point into the statement the caller wrote, not into the wrapper. */
function unwrapPosition(error: unknown): unknown {
  if (error instanceof pg.DatabaseError && error.position) {
    error.position = String(Math.max(1, Number(error.position) - WRAP_HEAD.length));
  }
  return error;
}

/** ROLLBACK, then DISCARD ALL as its documentation spells it out (DISCARD ALL itself cannot share a message with ROLLBACK). */
const CLEAN_UP =
  'ROLLBACK; CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; DEALLOCATE ALL; UNLISTEN *; ' +
  'SELECT pg_advisory_unlock_all(); DISCARD PLANS; DISCARD TEMP; DISCARD SEQUENCES';

type ProtocolConnection = { parse(query: { text: string }): void; bind(config: object): void; execute(config: object): void };
type Results = pg.QueryResult<Cell[]> | pg.QueryResult<Cell[]>[];
const lastResult = (results: Results) => (Array.isArray(results) ? results.at(-1)! : results);

/**
 * A query behind the statements that set up its transaction, sent as one pipeline of the
 * extended protocol: one write, and one answer at the Sync, so the setup costs no round trip of
 * its own. Postgres runs them in order, and an error skips the rest. (`prepare` is how pg's
 * Query writes its Parse, Bind, Describe, Execute and Sync, inside one corked write.)
 */
class AfterSetup extends pg.Query {
  constructor(
    private readonly setup: string[],
    config: pg.QueryConfig,
    callback: (error: Error | undefined, results: Results) => void,
  ) {
    super({ ...config, queryMode: 'extended' } as pg.QueryConfig, callback as never);
  }

  prepare(connection: ProtocolConnection) {
    for (const text of this.setup) {
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    (pg.Query.prototype as unknown as { prepare(connection: ProtocolConnection): void }).prepare.call(this, connection);
  }
}

type Backend = pg.PoolClient & { processID: number; secretKey: number };
type CancelConnection = { connect(port: number | string, host?: string): void; cancel(processID: number, secretKey: number): void; on(event: string, listener: () => void): void };

/**
 * Cancels what `client` is running with a protocol-level CancelRequest (what psql's Ctrl+C
 * sends): it needs no login and no privilege, only the backend's secret key. A request that
 * lands between two protocol messages is ignored by Postgres, so the caller repeats it.
 */
function cancelQuery(pool: pg.Pool, client: pg.PoolClient): void {
  // A Client only to resolve the pool's connection settings (host, port, TLS) into a Connection.
  const settings = new pg.Client(pool.options) as pg.Client & { connection: CancelConnection; host: string; port: number };
  const { connection, host, port } = settings;
  const { processID, secretKey } = client as Backend;
  // An unreachable server must not crash the process; the query ends at its timeout anyway.
  connection.on('error', () => {});
  connection.on('connect', () => connection.cancel(processID, secretKey));
  if (host.startsWith('/')) connection.connect(`${host}/.s.PGSQL.${port}`);
  else connection.connect(port, host);
}

/**
 * Runs one statement through the extended protocol (bound parameters, so no second statement
 * can ride along) inside `BEGIN READ ONLY` with timeouts and a pinned search_path, reads at most
 * `maxRows + 1` rows (the LIMIT keeps a huge result out of memory), and rolls back.
 * A connection that saw any error, or a cancel, is destroyed, never returned to the pool.
 */
export async function runReadOnly(pool: pg.Pool, sql: string, params: unknown[], options: RunOptions): Promise<QueryResult> {
  options.signal?.throwIfAborted();
  const started = performance.now();
  const client = await pool.connect();
  let failed = false;
  let running = false;
  let cancelling: ReturnType<typeof setInterval> | undefined;
  const onAbort = () => {
    if (cancelling) return;
    const send = () => running && cancelQuery(pool, client);
    send();
    cancelling = setInterval(send, 200);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const searchPath = options.searchPath.map((s) => pg.escapeIdentifier(s)).join(', ') || 'pg_catalog';
    const timeout = Math.max(1, Math.trunc(options.timeoutMs));
    const setup = [
      'BEGIN READ ONLY',
      `SET LOCAL statement_timeout = ${timeout}`,
      'SET LOCAL lock_timeout = 2000',
      `SET LOCAL idle_in_transaction_session_timeout = ${timeout + 5000}`,
      `SET LOCAL search_path = ${searchPath}`,
    ];
    running = true;
    const result = await new Promise<pg.QueryResult<Cell[]>>((resolve, reject) => {
      const query = { text: capped(sql, options.maxRows), values: params, rowMode: 'array' as const, types };
      client.query(new AfterSetup(setup, query, (error, results) => (error ? reject(unwrapPosition(error)) : resolve(lastResult(results)))));
    });
    running = false;
    const { rows, fields } = result;
    const names = await typeNames(client, [...new Set(fields.map((f) => f.dataTypeID))]);
    const truncated = rows.length > options.maxRows;
    if (truncated) rows.length = options.maxRows;
    return {
      columns: fields.map((f) => ({ name: f.name, type: names.get(f.dataTypeID) ?? 'unknown' })),
      rows,
      rowCount: rows.length,
      truncated,
      durationMs: Number((performance.now() - started).toFixed(1)),
    };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    clearInterval(cancelling);
    // A cancel request still in flight could stop the next user's query on this connection.
    if (cancelling) failed = true;
    // CLEAN_UP drops what a statement could leave on the session (advisory locks, LISTENs,
    // prepared statements, temp objects, settings). The caller has its rows meanwhile; the
    // connection returns to the pool only once it is clean.
    if (failed) client.release(true);
    else void client.query(CLEAN_UP).then(() => client.release(), () => client.release(true));
  }
}
