import pg from 'pg';
import Cursor from 'pg-cursor';

/** A cell as JSON carries it: values without an exact JS form stay in Postgres' text form. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
export type QueryColumn = { name: string; type: string };
export type QueryResult = {
  columns: QueryColumn[];
  rows: Cell[][];
  /** Rows returned; when `truncated`, the query had more than this. */
  rowCount: number;
  truncated: boolean;
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

/**
 * A cursor that refuses COPY: Postgres accepts `COPY ... FROM STDIN` and `TO STDOUT` as one
 * statement of the extended protocol, and pg-cursor cannot handle either (it would wait forever).
 */
class SelectCursor extends Cursor {
  constructor(sql: string, params: unknown[], private readonly onCopy: () => void) {
    super(sql, params, { rowMode: 'array', types });
  }
  handleCopyInResponse(connection: { sendCopyFail(message: string): void }) {
    connection.sendCopyFail('Quarry runs SELECT statements only');
  }
  copying = false;
  handleCopyData() {
    if (!this.copying) this.onCopy();
    this.copying = true;
  }
}

function readRows(cursor: Cursor, count: number): Promise<{ rows: Cell[][]; fields: pg.FieldDef[] }> {
  return new Promise((resolve, reject) =>
    cursor.read(count, (error, rows, result) => (error ? reject(error) : resolve({ rows: rows as Cell[][], fields: result?.fields ?? [] }))),
  );
}

/**
 * Cancels what `client` is running with a protocol-level CancelRequest (what psql's Ctrl+C
 * sends): it needs no login and no privilege, only the backend's secret key. A request that
 * lands between two protocol messages is ignored by Postgres, so the caller repeats it.
 */
function cancelQuery(pool: pg.Pool, client: pg.PoolClient, query: Cursor): void {
  const canceller = new pg.Client(pool.options) as pg.Client & {
    cancel(client: pg.PoolClient, query: Cursor): void;
    connection: { on(event: 'error', listener: () => void): void };
  };
  // An unreachable server must not crash the process; the query ends at its timeout anyway.
  canceller.connection.on('error', () => {});
  canceller.cancel(client, query);
}

/**
 * Runs one statement through the extended protocol (bound parameters, so no second statement
 * can ride along) inside `BEGIN READ ONLY` with timeouts and a pinned search_path, reads at most
 * `maxRows + 1` rows through a cursor (a huge result never lands in memory), and rolls back.
 * A connection that saw any error is destroyed, never returned to the pool.
 */
export async function runReadOnly(pool: pg.Pool, sql: string, params: unknown[], options: RunOptions): Promise<QueryResult> {
  options.signal?.throwIfAborted();
  const started = performance.now();
  const client = await pool.connect();
  let failed = false;
  let cursor: Cursor | undefined;
  let cancelling: ReturnType<typeof setInterval> | undefined;
  const onAbort = () => {
    if (cancelling) return;
    const send = () => cursor && cancelQuery(pool, client, cursor);
    send();
    cancelling = setInterval(send, 200);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const searchPath = options.searchPath.map((s) => pg.escapeIdentifier(s)).join(', ') || 'pg_catalog';
    const timeout = Math.max(1, Math.trunc(options.timeoutMs));
    await client.query(
      `BEGIN READ ONLY; SET LOCAL statement_timeout = ${timeout}; SET LOCAL lock_timeout = 2000; ` +
        `SET LOCAL idle_in_transaction_session_timeout = ${timeout + 5000}; SET LOCAL search_path = ${searchPath}`,
    );
    const query = client.query(new SelectCursor(sql, params, onAbort));
    cursor = query;
    const { rows, fields } = await readRows(query, options.maxRows + 1);
    if (query.copying) throw new Error('COPY is not allowed: Quarry runs SELECT statements only.');
    await new Promise<void>((resolve) => query.close(() => resolve()));
    const names = await typeNames(client, [...new Set(fields.map((f) => f.dataTypeID))]);
    const truncated = rows.length > options.maxRows;
    if (truncated) rows.length = options.maxRows;
    return {
      columns: fields.map((f) => ({ name: f.name, type: names.get(f.dataTypeID) ?? 'unknown' })),
      rows,
      rowCount: rows.length,
      truncated,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    clearInterval(cancelling);
    // DISCARD ALL drops what a statement could leave on the session: advisory locks, LISTENs,
    // prepared statements, temp objects and settings.
    // (Two messages: DISCARD ALL cannot share an implicit transaction with ROLLBACK.)
    if (!failed) await client.query('ROLLBACK').then(() => client.query('DISCARD ALL')).catch(() => (failed = true));
    client.release(failed);
  }
}
