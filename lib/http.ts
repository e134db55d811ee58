/** Every error a route returns: a status and one sentence that says what to do. */
export const fail = (status: number, error: string) => Response.json({ error }, { status });

export const warehouseUnreachable = (datasetName: string, error: unknown) =>
  fail(503, `The warehouse of "${datasetName}" is unreachable (${error instanceof Error ? error.message : String(error)}). Check that it is running, then retry.`);

/** A return address from a query string, kept only when it is a path on this site (no open redirect). */
export const localPath = (next: unknown): string => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

export const DATASET_UNAVAILABLE = 'This dataset does not exist, is disabled, or is not shared with you. Pick another dataset or ask an admin for access.';

const CONNECTION_CODES = new Set(['08000', '08001', '08003', '08006', '57P01', '57P02', '57P03', '55000', '3D000', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** Postgres text and jsonb cannot hold U+0000: "invalid byte sequence" and "unsupported Unicode escape". */
const NUL_CODES = new Set(['22021', '22P05']);

/** The codes of an error and of every error it wraps (Better Auth and Drizzle wrap pg's). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/**
 * Every route handler is wrapped in this: failures a user can act on become their status and
 * sentence instead of a bare 500. The app database down: 503; a NUL character Postgres cannot
 * store: 400, and nothing was saved.
 */
export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const codes = codesOf(error);
      if (codes.some((c) => CONNECTION_CODES.has(c) || NETWORK_CODES.has(c))) {
        return fail(503, 'Quarry cannot reach its database right now. Try again in a minute; if it keeps failing, ask an admin to check the database server.');
      }
      if (codes.some((c) => NUL_CODES.has(c))) return fail(400, 'The request contains a NUL character (U+0000), which cannot be stored: remove it and send again.');
      throw error;
    }
  };
}
