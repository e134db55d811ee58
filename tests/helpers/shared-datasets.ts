import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The public sample databases next to the project (Chinook, Northwind, Pagila), read in place. */
export const DATASETS_DIR = path.resolve(process.env.QUARRY_DATASETS_DIR ?? path.join(process.cwd(), '../shared/datasets'));
export const hasSharedDatasets = existsSync(DATASETS_DIR);
if (!hasSharedDatasets) console.warn(`[tests] ${DATASETS_DIR} is absent: tests over the public sample databases are skipped.`);

/** Runs SQL files into a database with psql (the dumps use COPY FROM stdin and psql meta-commands). */
export function loadSqlFiles(url: string, files: string[]): void {
  for (const file of files) {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=0', '-d', url, '-f', path.join(DATASETS_DIR, file)], {
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...process.env, PGOPTIONS: '--client-min-messages=error' },
    });
  }
}
