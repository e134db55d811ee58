/** Every error a route returns: a status and one sentence that says what to do. */
export const fail = (status: number, error: string) => Response.json({ error }, { status });

export const warehouseUnreachable = (datasetName: string, error: unknown) =>
  fail(503, `The warehouse of "${datasetName}" is unreachable (${error instanceof Error ? error.message : String(error)}). Check that it is running, then retry.`);
