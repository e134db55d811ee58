import pg from 'pg';
import { sampleAll } from '@/lib/datasets/sampled-values';
import { introspect } from '@/lib/warehouse/catalog';
import { provisionDataset, scratchServer } from './datasets';
import type { EvalDataset } from './run';

const SCHEMAS = ['public'];

/**
 * Each dataset a set names, as a dataset made on the fly: from its --db url, or else a scratch
 * copy loaded on `server` (an embedded Postgres when none is given). Introspected, values sampled.
 */
export async function loadEvalDatasets(
  names: string[],
  urls: Map<string, string>,
  { server, log = () => {} }: { server?: string; log?: (line: string) => void },
): Promise<{ datasets: Map<string, EvalDataset>; close: () => Promise<void> }> {
  const cleanups: (() => Promise<void>)[] = [];
  const datasets = new Map<string, EvalDataset>();
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup failed: ${(error as Error).message}`));
  };
  try {
    let scratch: Awaited<ReturnType<typeof scratchServer>> | undefined;
    for (const name of names) {
      let url = urls.get(name);
      if (!url) {
        if (!scratch) {
          scratch = await scratchServer(server);
          cleanups.push(scratch.stop);
        }
        log(`Loading dataset ${name} into a scratch database...`);
        const made = await provisionDataset(name, scratch.url);
        cleanups.push(made.drop);
        url = made.url;
      }
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      // An idle connection closed by the server (a scratch database dropped at the end) needs no handling.
      pool.on('error', () => {});
      cleanups.push(() => pool.end());
      const catalog = await introspect(pool, SCHEMAS);
      // As an admin would sample them, with room for longer lists (product names) than the admin page's default.
      const knowledge = { sampledValues: await sampleAll(pool, catalog, SCHEMAS, { maxValues: 300 }), glossary: [], descriptions: {} };
      datasets.set(name, { name, pool, schemas: SCHEMAS, catalog, knowledge });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { datasets, close };
}
