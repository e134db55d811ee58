// Written by the Datasets work (#6): see scripts/bench/README or the issue.
throw new Error('bench:load is not built yet');
export {};
