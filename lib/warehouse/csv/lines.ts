const NEWLINE = 10;
const QUOTE = 34;

/**
 * Counts lines and follows quoting as bytes go by, the way Postgres's COPY reads CSV (a quote
 * toggles quoting; a doubled quote toggles twice), so an error can name the line where a
 * never-closed quoted field began, which neither COPY nor csv-parse report.
 */
export class LineTracker {
  bytes = 0;
  /** Newlines seen so far: the line being read is `lines + 1`. */
  lines = 0;
  inQuote = false;
  /** The line of the quote that opened the current quoted field. */
  openQuoteLine = 0;
  /** Bytes up to the end of the last complete record (a newline outside quotes). */
  recordsEnd = 0;

  push(chunk: Uint8Array): void {
    let { lines, inQuote, openQuoteLine, recordsEnd } = this;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === NEWLINE) {
        lines++;
        if (!inQuote) recordsEnd = this.bytes + i + 1;
      } else if (c === QUOTE) {
        inQuote = !inQuote;
        if (inQuote) openQuoteLine = lines + 1;
      }
    }
    Object.assign(this, { lines, inQuote, openQuoteLine, recordsEnd });
    this.bytes += chunk.length;
  }
}
