import { Readable, Transform } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const BATCH_BYTES = 64 * 1024;

/** COPY sends one message per row; passing a million tiny chunks to a web stream is the bottleneck. */
function batches(): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= BATCH_BYTES) {
        this.push(Buffer.concat(pending, size));
        pending = [];
        size = 0;
      }
      done();
    },
    flush(done) {
      if (size) this.push(Buffer.concat(pending, size));
      done();
    },
  });
}

export type ExportOptions = { timeoutMs: number; maxRows: number; searchPath: string[]; signal?: AbortSignal };

/**
 * Streams a checked SELECT as CSV with `COPY (...) TO STDOUT`, inside the same read-only, timed
 * transaction as every other query: Postgres writes the CSV and Node only forwards the bytes, so
 * memory stays flat at any size. `sql` must already have its parameters inlined (see
 * inlineParams): COPY cannot bind them. The connection is rolled back and released when the
 * stream ends, fails or is cancelled.
 */
export async function exportCsv(pool: pg.Pool, sql: string, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const client = await pool.connect();
  let released = false;
  const release = async (failed: boolean) => {
    if (released) return;
    released = true;
    if (!failed) await client.query('ROLLBACK').catch(() => (failed = true));
    client.release(failed);
  };
  try {
    const searchPath = options.searchPath.map((s) => pg.escapeIdentifier(s)).join(', ') || 'pg_catalog';
    const timeout = Math.max(1, Math.trunc(options.timeoutMs));
    await client.query(
      `BEGIN READ ONLY; SET LOCAL statement_timeout = ${timeout}; SET LOCAL lock_timeout = 2000; SET LOCAL search_path = ${searchPath}`,
    );
    const limit = Math.max(1, Math.trunc(options.maxRows));
    const copy = client.query(copyTo(`COPY (SELECT * FROM (${sql}\n) AS quarry_export LIMIT ${limit}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    copy.on('end', () => void release(false));
    copy.on('error', () => void release(true));
    // A closed browser tab ends the COPY in Postgres too: destroying the connection stops it.
    options.signal?.addEventListener('abort', () => copy.destroy(), { once: true });
    copy.on('close', () => void release(!copy.readableEnded));
    const out = copy.pipe(batches());
    // A reader that cancels the download (without aborting the request) stops the COPY as well.
    out.on('close', () => !copy.readableEnded && copy.destroy());
    return Readable.toWeb(out) as ReadableStream<Uint8Array>;
  } catch (error) {
    await release(true);
    throw error;
  }
}
