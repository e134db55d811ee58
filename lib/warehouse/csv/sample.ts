import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import { discardRest } from './body';
import { CsvLoadError, notUtf8, noRows, raggedRow, strayQuote, unclosedQuote } from './errors';
import { headerNames, tableNameFromFile } from './identifiers';
import { inferType } from './infer';
import { LineTracker } from './lines';
import { DELIMITERS, type LoadColumn, type LoadPlan } from './plan';

const PREVIEW_ROWS = 20;
const BOM = [0xef, 0xbb, 0xbf];

/** The first `limit` bytes of a body; `ended` when that was all of it. Any more is discarded unread. */
export async function readSample(body: ReadableStream<Uint8Array> | null, limit: number): Promise<{ bytes: Buffer; ended: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!body) return { bytes: Buffer.alloc(0), ended: true };
  const reader = body.getReader();
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks, size), ended: true };
    chunks.push(value);
    size += value.length;
  }
  discardRest(reader);
  return { bytes: Buffer.concat(chunks, size).subarray(0, limit), ended: false };
}

/** The delimiter the header line uses most, outside quotes; a comma when none appears. */
export function detectDelimiter(text: string): LoadPlan['delimiter'] {
  const header = text.split('\n', 1)[0]!.replace(/"(?:[^"]|"")*"/g, '');
  let best: LoadPlan['delimiter'] = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function parseError(error: unknown, tracker: LineTracker): never {
  if (!(error instanceof CsvError)) throw error;
  const line = Number(error.lines) || tracker.lines;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      throw unclosedQuote(tracker.openQuoteLine);
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      throw strayQuote(line);
    default:
      throw new CsvLoadError(422, `Line ${line} could not be read as CSV (${error.message}). Fix the file and upload it again; nothing was loaded.`);
  }
}

export type SampleTable = { table: string; delimiter: LoadPlan['delimiter']; columns: LoadColumn[]; rows: string[][]; sampledRows: number };

/**
 * Reads the start of a CSV file with csv-parse: checks it is UTF-8 and well-formed, names the
 * columns and infers their types. When `complete` is false the sample is the start of a larger
 * file and its last, cut-off record is left out.
 */
export function inspectSample(sample: Buffer, complete: boolean, filename: string, reserved: ReadonlySet<string>): SampleTable {
  const tracker = new LineTracker();
  tracker.push(sample);
  const usable = complete ? sample : sample.subarray(0, tracker.recordsEnd);

  let line = 1;
  for (let start = 0; start < usable.length; line++) {
    const end = usable.indexOf(10, start);
    const stop = end === -1 ? usable.length : end;
    if (!isUtf8(usable.subarray(start, stop))) throw notUtf8(line);
    start = stop + 1;
  }

  const bom = BOM.every((b, i) => usable[i] === b) ? 3 : 0;
  const text = usable.subarray(bom).toString('utf8');
  if (!text.trim()) {
    throw complete
      ? new CsvLoadError(422, 'The file is empty: upload a CSV file with a header line and at least one row.', { code: 'emptyFile' })
      : new CsvLoadError(422, 'The first line of the file is longer than 1 MB: a CSV line this long cannot be previewed.', { code: 'lineTooLong' });
  }
  const delimiter = detectDelimiter(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns each record with where it was read; its types do not say so.
    parsed = parse(text, { delimiter, info: true, relax_column_count: true }) as unknown as typeof parsed;
  } catch (error) {
    parseError(error, tracker);
  }
  const header = parsed[0]!.record;
  const ragged = parsed.find((p) => p.record.length !== header.length);
  if (ragged) throw raggedRow(ragged.info.lines, ragged.record.length, header.length);
  const rows = parsed.slice(1).map((p) => p.record);
  if (!rows.length) throw noRows();
  const names = headerNames(header, reserved);
  return {
    table: tableNameFromFile(filename, reserved),
    delimiter,
    columns: header.map((h, i) => ({ header: h, name: names[i]!, type: inferType(rows.map((r) => r[i]!)) })),
    rows: rows.slice(0, PREVIEW_ROWS),
    sampledRows: rows.length,
  };
}
