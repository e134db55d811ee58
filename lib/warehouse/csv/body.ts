import { CsvLoadError } from './errors';

const MAX_PLAN_BYTES = 4 << 20;

/**
 * Reads what is left of a request body and throws it away, in the background. Cancelling the
 * body instead destroys the request's socket mid-upload, and a client still sending may then
 * see a reset rather than the response that says what went wrong.
 */
export function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    while (!(await reader.read()).done);
  })().catch(() => {});
}

/**
 * Splits a load request's body into its first line (the JSON load plan) and the file's bytes
 * that follow, which are read only as the consumer asks for them: the file is never buffered.
 * `discard` drops whatever the consumer did not read, once it has stopped.
 */
export async function splitPlanLine(body: ReadableStream<Uint8Array> | null): Promise<{ plan: unknown; file: AsyncIterable<Uint8Array>; discard: () => void }> {
  if (!body) throw new CsvLoadError(400, 'The request has no body: send the load plan, a newline, then the CSV file.');
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new CsvLoadError(400, 'The request ended before the CSV file: send the load plan, a newline, then the file.');
    const newline = value.indexOf(10);
    if (newline === -1) {
      head.push(value);
      size += value.length;
      if (size > MAX_PLAN_BYTES) {
        discardRest(reader);
        throw new CsvLoadError(400, 'The load plan is too large: send it as one JSON line before the file.');
      }
      continue;
    }
    head.push(value.subarray(0, newline));
    let plan: unknown;
    try {
      plan = JSON.parse(Buffer.concat(head).toString('utf8'));
    } catch {
      discardRest(reader);
      throw new CsvLoadError(400, 'The load plan is not valid JSON: preview the file again, then load it.');
    }
    const rest = value.subarray(newline + 1);
    let ended = false;
    async function* file() {
      if (rest.length) yield rest;
      for (;;) {
        const next = await reader.read();
        if (next.done) return void (ended = true);
        yield next.value;
      }
    }
    return { plan, file: file(), discard: () => ended || discardRest(reader) };
  }
}
