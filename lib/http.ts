/** Every error a route returns: a status and one sentence that says what to do. */
export const fail = (status: number, error: string) => Response.json({ error }, { status });

export const warehouseUnreachable = (datasetName: string, error: unknown) =>
  fail(503, `The warehouse of "${datasetName}" is unreachable (${error instanceof Error ? error.message : String(error)}). Check that it is running, then retry.`);

export const DATASET_UNAVAILABLE = 'This dataset does not exist, is disabled, or is not shared with you. Pick another dataset or ask an admin for access.';
