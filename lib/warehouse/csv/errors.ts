/** Why a file was refused, with what the browser needs to say so in the admin's language. */
export type CsvProblem =
  | { code: 'notUtf8' | 'strayQuote' | 'unclosedQuote' | 'raggedMore' | 'raggedFewer'; line: number }
  | { code: 'badValue'; line: number; column: string; value: string; type: string }
  | { code: 'tableExists'; table: string }
  | { code: 'truncated'; received: number; expected: number }
  | { code: 'noRows' | 'emptyFile' | 'lineTooLong' };

/** A refusal of an upload: an HTTP status and one sentence that names the line and says what to do. */
export class CsvLoadError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: CsvProblem,
  ) {
    super(message);
  }
}

const FIX = 'Fix the file and upload it again; nothing was loaded.';

export const notUtf8 = (line: number) =>
  new CsvLoadError(422, `Line ${line} is not valid UTF-8 text: save the file as UTF-8 (CSV UTF-8 in Excel) and upload it again; nothing was loaded.`, { code: 'notUtf8', line });

export const unclosedQuote = (line: number) =>
  new CsvLoadError(422, `The quoted field that starts on line ${line} is never closed: add the missing closing quote ("). ${FIX}`, { code: 'unclosedQuote', line });

export const raggedRow = (line: number, found: 'more' | 'fewer' | number, expected?: number) => {
  const more = typeof found === 'number' ? found > expected! : found === 'more';
  const fields = typeof found === 'number' ? `${more ? 'more' : 'fewer'} fields (${found}) than the header (${expected})` : `${found} fields than the header`;
  return new CsvLoadError(422, `Line ${line} has ${fields}: every row needs one value for each column. ${FIX}`, { code: more ? 'raggedMore' : 'raggedFewer', line });
};

export const strayQuote = (line: number) =>
  new CsvLoadError(422, `Line ${line} has a stray quote inside a field: quote the whole field and double each quote within it (""). ${FIX}`, { code: 'strayQuote', line });

export const badValue = (line: number, column: string, value: string, type: string) =>
  new CsvLoadError(
    422,
    `Line ${line}: "${value}" in column ${column} is not a valid ${type === 'integer' ? 'integer (a whole number)' : type}. Change the column's type in the preview (text takes any value) or fix the value; nothing was loaded.`,
    { code: 'badValue', line, column, value, type },
  );

export const tableExists = (schema: string, table: string) =>
  new CsvLoadError(409, `A table named ${schema}.${table} already exists: choose another table name; nothing was loaded.`, { code: 'tableExists', table: `${schema}.${table}` });

export const noRows = () => new CsvLoadError(422, 'The file has a header line but no rows under it: add the rows and upload it again; nothing was loaded.', { code: 'noRows' });

export const truncated = (received: number, expected: number) =>
  new CsvLoadError(400, `The upload ended after ${received.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes: upload the file again; nothing was loaded.`, {
    code: 'truncated',
    received,
    expected,
  });

export const uploadInterrupted = (received: number, expected: number) =>
  new CsvLoadError(400, `The upload was interrupted after ${received.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes: upload the file again; nothing was loaded.`, {
    code: 'truncated',
    received,
    expected,
  });
