import { z } from 'zod';
import type { Dataset } from '@/db/schema';

/** Install-wide defaults; a dataset's own settings override them. */
export const DEFAULT_ROW_LIMIT = Number(process.env.QUARRY_MAX_ROWS ?? 10_000);
export const DEFAULT_STATEMENT_TIMEOUT_MS = Number(process.env.QUARRY_STATEMENT_TIMEOUT_MS ?? 15_000);
export const DEFAULT_EXPORT_ROW_LIMIT = Number(process.env.QUARRY_EXPORT_MAX_ROWS ?? 10_000_000);

export type DatasetLimits = { rowLimit: number; statementTimeoutMs: number; exportRowLimit: number };

/** The limits a query on this dataset runs under. */
export function datasetLimits(dataset: Pick<Dataset, 'rowLimit' | 'statementTimeoutMs' | 'exportRowLimit'>): DatasetLimits {
  return {
    rowLimit: dataset.rowLimit ?? DEFAULT_ROW_LIMIT,
    statementTimeoutMs: dataset.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    exportRowLimit: dataset.exportRowLimit ?? DEFAULT_EXPORT_ROW_LIMIT,
  };
}

/** `schema.name` or `name`: what the guard's allowlist of extra functions holds. */
const functionName = z
  .string()
  .trim()
  .regex(/^([A-Za-z_][A-Za-z0-9_$]*\.)?[A-Za-z_][A-Za-z0-9_$]*$/, 'A function is named name or schema.name, without arguments or quotes.');

/** Per-dataset settings an admin edits; null falls back to the install default. */
export const settingsSchema = z.object({
  rowLimit: z.number().int().min(1, 'The row cap must be at least 1.').max(1_000_000, 'The row cap is at most 1,000,000 rows.').nullable(),
  statementTimeoutMs: z.number().int().min(100, 'The statement timeout must be at least 100 ms.').max(3_600_000, 'The statement timeout is at most one hour.').nullable(),
  exportRowLimit: z.number().int().min(1, 'The export limit must be at least 1 row.').max(1_000_000_000).nullable(),
  allowedFunctions: z.array(functionName).max(100),
  model: z
    .string()
    .trim()
    .max(200)
    .regex(/^(local|openai:.*|compatible:.+)$/, 'A model is local, openai:<model> or compatible:<model>.')
    .nullable(),
  shareRowsWithModel: z.boolean(),
});
export type DatasetSettings = z.infer<typeof settingsSchema>;
