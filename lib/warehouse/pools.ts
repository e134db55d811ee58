import pg from 'pg';
import type { Dataset } from '@/db/schema';
import { decryptSecret } from '@/lib/secrets';

type Entry = { sealed: string; pool: pg.Pool };
const holder = globalThis as unknown as { quarryWarehousePools?: Map<string, Entry> };
const pools = (holder.quarryWarehousePools ??= new Map());

/** One small pool per dataset, rebuilt when its connection string changes. */
export function warehousePool(dataset: Pick<Dataset, 'id' | 'connectionEncrypted'>): pg.Pool {
  const cached = pools.get(dataset.id);
  if (cached?.sealed === dataset.connectionEncrypted) return cached.pool;
  void cached?.pool.end();
  const pool = new pg.Pool({
    connectionString: decryptSecret(dataset.connectionEncrypted),
    max: 5,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'quarry',
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  pools.set(dataset.id, { sealed: dataset.connectionEncrypted, pool });
  return pool;
}
