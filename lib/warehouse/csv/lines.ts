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

  /** Jumps from one newline or quote to the next with indexOf (native), not byte by byte. */
  push(chunk: Buffer): void {
    let { lines, inQuote, openQuoteLine, recordsEnd } = this;
    let quote = chunk.indexOf(QUOTE);
    let newline = chunk.indexOf(NEWLINE);
    while (newline !== -1 || quote !== -1) {
      if (newline !== -1 && (quote === -1 || newline < quote)) {
        lines++;
        if (!inQuote) recordsEnd = this.bytes + newline + 1;
        newline = chunk.indexOf(NEWLINE, newline + 1);
      } else {
        inQuote = !inQuote;
        if (inQuote) openQuoteLine = lines + 1;
        quote = chunk.indexOf(QUOTE, quote + 1);
      }
    }
    Object.assign(this, { lines, inQuote, openQuoteLine, recordsEnd });
    this.bytes += chunk.length;
  }
}
