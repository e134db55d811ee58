import { z } from 'zod';

/** What inference can propose; each maps to one Postgres type. */
export const COLUMN_TYPES = ['integer', 'numeric', 'boolean', 'date', 'timestamp', 'timestamptz', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Integers load as bigint: a sample cannot promise that later rows fit in 32 bits. */
export const SQL_TYPES: Record<ColumnType, string> = {
  integer: 'bigint',
  numeric: 'numeric',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  text: 'text',
};

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Postgres's limits: 63-byte identifiers and 1,600 columns a table. */
export const MAX_IDENTIFIER_BYTES = 63;
export const MAX_COLUMNS = 1600;

/** How many bytes of a file the preview reads: enough rows to infer types, small enough to send at once. */
export const SAMPLE_BYTES = 1 << 20;

export const loadColumnSchema = z.object({
  /** The header as written in the file. */
  header: z.string(),
  name: z.string().min(1),
  type: z.enum(COLUMN_TYPES),
});

/** What the admin confirmed in the preview; sent as the first line of the load request's body. */
export const loadPlanSchema = z.object({
  table: z.string().min(1),
  delimiter: z.enum(DELIMITERS),
  columns: z.array(loadColumnSchema).min(1).max(MAX_COLUMNS),
  /** The file's size: an upload that ends early is refused instead of loaded in part. */
  bytes: z.number().int().positive(),
  filename: z.string().max(500),
});

export type LoadColumn = z.infer<typeof loadColumnSchema>;
export type LoadPlan = z.infer<typeof loadPlanSchema>;

export type CsvPreview = {
  schema: string;
  table: string;
  delimiter: LoadPlan['delimiter'];
  columns: LoadColumn[];
  /** The first rows of the sample, as text. */
  rows: string[][];
  /** Rows the types were inferred from. */
  sampledRows: number;
  /** True when the sample is the start of a larger file. */
  partial: boolean;
  /** Tables already in the schema: a new table may not take one of these names. */
  existingTables: string[];
  /** Words Postgres reserves: names the admin types must avoid them. */
  reservedWords: string[];
};
