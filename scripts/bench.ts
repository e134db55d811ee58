/** `npm run bench <name>`: runs one benchmark, which prints its figures. */
const benches: Record<string, () => Promise<unknown>> = {
  start: () => import('./bench/start'),
  guard: () => import('./bench/guard'),
  export: () => import('./bench/export'),
  table: () => import('./bench/table'),
  schema: () => import('./bench/schema'),
  load: () => import('./bench/load'),
};

const chosen = process.argv[2];
const run = chosen ? benches[chosen] : undefined;
if (!run) {
  console.error(`Usage: npm run bench <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await run();

export {};
