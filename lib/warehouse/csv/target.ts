import pg from 'pg';
import type { Dataset } from '@/db/schema';
import { decryptSecret } from '@/lib/secrets';
import { CsvLoadError } from './errors';

export type LoadTarget = {
  client: pg.Client;
  /** The schema new tables go in: the dataset's first. */
  schema: string;
  /** The dataset's own (reader) role, which is granted SELECT on each loaded table. */
  readerRole: string;
  reservedWords: Set<string>;
  existingTables: string[];
  close: () => Promise<void>;
};

type TargetDataset = Pick<Dataset, 'name' | 'connectionEncrypted' | 'loadConnectionEncrypted' | 'schemas'>;

export const notALoadTarget = (dataset: Pick<Dataset, 'name'>) =>
  new CsvLoadError(
    409,
    `"${dataset.name}" is not a load target: add a load connection (a role that may create tables, other than the dataset's reader) to this dataset, then load the file again.`,
  );

/**
 * Connects to a dataset's warehouse through its load connection and checks that role: not a
 * superuser, not the dataset's reader, and allowed to create tables in the target schema.
 */
export async function openLoadTarget(dataset: TargetDataset): Promise<LoadTarget> {
  if (!dataset.loadConnectionEncrypted) throw notALoadTarget(dataset);
  const schema = dataset.schemas[0] ?? 'public';
  const readerRole = decodeURIComponent(new URL(decryptSecret(dataset.connectionEncrypted)).username);
  const client = new pg.Client({
    connectionString: decryptSecret(dataset.loadConnectionEncrypted),
    connectionTimeoutMillis: 5_000,
    application_name: 'quarry-load',
  });
  // A connection lost mid-load surfaces through the query that was running, not as a crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new CsvLoadError(503, `The warehouse of "${dataset.name}" is unreachable through its load connection (${(error as Error).message}). Check that it is running, then retry.`);
  }
  const close = () => client.end().catch(() => {});
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; can_create: boolean | null }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              CASE WHEN to_regnamespace(quote_ident($1)) IS NOT NULL THEN has_schema_privilege($1, 'CREATE') END AS can_create
       FROM pg_roles r WHERE r.rolname = current_user`,
      [schema],
    );
    const role = rows[0]!;
    if (role.superuser) throw new CsvLoadError(409, `The load connection of "${dataset.name}" signs in as the superuser ${role.role}: use a role that may only create tables in ${schema}.`);
    if (role.role === readerRole) throw new CsvLoadError(409, `The load connection of "${dataset.name}" uses the dataset's reader role ${role.role}: use a separate owner role that may create tables in ${schema}.`);
    if (role.can_create === null) throw new CsvLoadError(409, `The schema ${schema} of "${dataset.name}" does not exist in its warehouse: create it or change the dataset's schemas.`);
    if (!role.can_create) throw new CsvLoadError(409, `The load role ${role.role} may not create tables in ${schema}: run GRANT CREATE ON SCHEMA ${schema} TO ${role.role} in the warehouse, then retry.`);
    const [words, tables] = await Promise.all([
      client.query<{ word: string }>(`SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')`),
      client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S') ORDER BY 1`,
        [schema],
      ),
    ]);
    return {
      client,
      schema,
      readerRole,
      reservedWords: new Set(words.rows.map((w) => w.word)),
      existingTables: tables.rows.map((t) => t.name),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
