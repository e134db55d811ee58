/** A refusal of an upload: an HTTP status and one sentence that names the line and says what to do. */
export class CsvLoadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const FIX = 'Fix the file and upload it again; nothing was loaded.';

export const notUtf8 = (line: number) =>
  new CsvLoadError(422, `Line ${line} is not valid UTF-8 text: save the file as UTF-8 (CSV UTF-8 in Excel) and upload it again; nothing was loaded.`);

export const unclosedQuote = (line: number) =>
  new CsvLoadError(422, `The quoted field that starts on line ${line} is never closed: add the missing closing quote ("). ${FIX}`);

export const raggedRow = (line: number, found: 'more' | 'fewer' | number, expected?: number) => {
  const fields = typeof found === 'number' ? `${found > expected! ? 'more' : 'fewer'} fields (${found}) than the header (${expected})` : `${found} fields than the header`;
  return new CsvLoadError(422, `Line ${line} has ${fields}: every row needs one value for each column. ${FIX}`);
};

export const badValue = (line: number, column: string, value: string, type: string) =>
  new CsvLoadError(
    422,
    `Line ${line}: "${value}" in column ${column} is not a valid ${type}. Change the column's type in the preview (text takes any value) or fix the value; nothing was loaded.`,
  );

export const tableExists = (schema: string, table: string) =>
  new CsvLoadError(409, `A table named ${schema}.${table} already exists: choose another table name; nothing was loaded.`);

export const strayQuote = (line: number) =>
  new CsvLoadError(422, `Line ${line} has a stray quote inside a field: quote the whole field and double each quote within it (""). ${FIX}`);
