import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { badValue, CsvLoadError, notUtf8, noRows, raggedRow, tableExists, truncated, unclosedQuote, uploadInterrupted } from './errors';
import { isIdentifier } from './identifiers';
import { LineTracker } from './lines';
import { SQL_TYPES, type LoadPlan } from './plan';
import type { LoadTarget } from './target';

const LOAD_TIMEOUT_MS = Number(process.env.QUARRY_LOAD_TIMEOUT_MS ?? 3_600_000);

export type LoadResult = { schema: string; table: string; rows: number; bytes: number; ms: number };

/** Refuses names the preview would not have produced before anything is created. */
function checkPlan(plan: LoadPlan, target: LoadTarget): void {
  const { reservedWords: reserved } = target;
  if (!isIdentifier(plan.table, reserved)) {
    throw new CsvLoadError(400, `"${plan.table}" cannot be a table name: use lower-case letters, digits and underscores, starting with a letter, and not a reserved word.`);
  }
  if (target.existingTables.includes(plan.table)) throw tableExists(target.schema, plan.table);
  const seen = new Set<string>();
  for (const column of plan.columns) {
    if (!isIdentifier(column.name, reserved)) {
      throw new CsvLoadError(400, `"${column.name}" cannot be a column name: use lower-case letters, digits and underscores, starting with a letter, and not a reserved word.`);
    }
    if (seen.has(column.name)) throw new CsvLoadError(400, `Two columns are named ${column.name}: give each column its own name.`);
    seen.add(column.name);
  }
}

const LOCATION = /line (\d+)(?:, column ([^:]+))?(?:: "([\s\S]*)")?/;

/** Postgres's COPY error, in the words of the file: which line, which column, what to do. */
function explain(error: unknown, plan: LoadPlan, target: LoadTarget, tracker: LineTracker): unknown {
  if (error instanceof CsvLoadError) return error;
  const e = error as { code?: string; message?: string; where?: string };
  if (!e.code) return error;
  const [, lineText, column, value] = LOCATION.exec(e.where ?? '') ?? [];
  const line = Number(lineText ?? tracker.lines + 1);
  if (e.code === '42P07' || e.code === '42710') return tableExists(target.schema, plan.table);
  if (e.code === '55P03') {
    return new CsvLoadError(409, `Another load is creating ${target.schema}.${plan.table} right now: wait for it to finish or choose another table name; nothing was loaded.`);
  }
  if (e.code === '22P04') {
    if (/unterminated CSV quoted field/.test(e.message ?? '')) return unclosedQuote(tracker.openQuoteLine);
    if (/extra data after last expected column/.test(e.message ?? '')) return raggedRow(line, 'more');
    if (/missing data for column/.test(e.message ?? '')) return raggedRow(line, 'fewer');
  }
  if (e.code === '22021' || e.code === '22P05') return notUtf8(line);
  if (e.code.startsWith('22') && column) {
    const type = plan.columns.find((c) => c.name === column)?.type ?? 'value';
    return badValue(line, column, value ?? '', type);
  }
  if (e.code === '57014') return new CsvLoadError(504, `The load took longer than ${Math.round(LOAD_TIMEOUT_MS / 60_000)} minutes and was cancelled; nothing was loaded.`);
  return new CsvLoadError(502, `The warehouse refused the load${lineText ? ` at line ${line}` : ''}: ${e.message}. Nothing was loaded.`);
}

/**
 * Creates `plan.table` and COPYs the file into it through pg-copy-streams, grants SELECT to the
 * dataset's reader role and commits, all in one transaction: a bad row, a cut-off upload or a
 * cancelled request rolls everything back, so no table is left half-loaded. Postgres parses the
 * CSV; Node only forwards the bytes (counting lines for error messages), so memory stays flat.
 */
export async function loadCsv(target: LoadTarget, plan: LoadPlan, file: AsyncIterable<Uint8Array>): Promise<LoadResult> {
  checkPlan(plan, target);
  const started = performance.now();
  const { client } = target;
  const id = (name: string) => pg.escapeIdentifier(name);
  const table = `${id(target.schema)}.${id(plan.table)}`;
  const tracker = new LineTracker();
  let interrupted = false;
  async function* upload() {
    try {
      yield* file;
    } catch (error) {
      interrupted = true;
      throw error;
    }
  }
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      tracker.push(chunk);
      done(null, chunk);
    },
  });
  const typed = plan.columns.filter((c) => c.type !== 'text').map((c) => id(c.name));
  const options = [
    'FORMAT csv',
    'HEADER true',
    `DELIMITER ${pg.escapeLiteral(plan.delimiter)}`,
    "ENCODING 'UTF8'",
    // A quoted empty field ("") is NULL too in a typed column, as an unquoted one is.
    ...(typed.length ? [`FORCE_NULL (${typed.join(', ')})`] : []),
    // The table is new in this transaction, so its rows can be written already frozen.
    'FREEZE true',
  ];
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.trunc(LOAD_TIMEOUT_MS)}; SET LOCAL lock_timeout = 5000`);
    await client.query(`CREATE TABLE ${table} (${plan.columns.map((c) => `${id(c.name)} ${SQL_TYPES[c.type]}`).join(', ')})`);
    const comments = [
      `COMMENT ON TABLE ${table} IS ${pg.escapeLiteral(`Loaded from ${plan.filename}.`)}`,
      ...plan.columns.filter((c) => c.header.trim() && c.header !== c.name).map((c) => `COMMENT ON COLUMN ${table}.${id(c.name)} IS ${pg.escapeLiteral(c.header)}`),
    ];
    await client.query(comments.join(';\n'));
    const copy = client.query(copyFrom(`COPY ${table} (${plan.columns.map((c) => id(c.name)).join(', ')}) FROM STDIN WITH (${options.join(', ')})`));
    await pipeline(upload(), count, copy);
    if (tracker.bytes !== plan.bytes) throw truncated(tracker.bytes, plan.bytes);
    if (copy.rowCount === 0) throw noRows();
    await client.query(`GRANT SELECT ON ${table} TO ${id(target.readerRole)}; ANALYZE ${table}; COMMIT`);
    return { schema: target.schema, table: plan.table, rows: copy.rowCount, bytes: tracker.bytes, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw interrupted ? uploadInterrupted(tracker.bytes, plan.bytes) : explain(error, plan, target, tracker);
  }
}
