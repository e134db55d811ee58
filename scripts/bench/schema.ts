// Written by the Datasets work (#6): see scripts/bench/README or the issue.
throw new Error('bench:schema is not built yet');
export {};
