/** Every error a route returns: a status and one sentence that says what to do. */
export const fail = (status: number, error: string) => Response.json({ error }, { status });

export const warehouseUnreachable = (datasetName: string, error: unknown) =>
  fail(503, `The warehouse of "${datasetName}" is unreachable (${error instanceof Error ? error.message : String(error)}). Check that it is running, then retry.`);

/** A return address from a query string, kept only when it is a path on this site (no open redirect). */
export const localPath = (next: unknown): string => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

export const DATASET_UNAVAILABLE = 'This dataset does not exist, is disabled, or is not shared with you. Pick another dataset or ask an admin for access.';
