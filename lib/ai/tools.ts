import { tool, zodSchema, type InferUITools, type UIMessage } from 'ai';
import { z } from 'zod';
import { chartSpecSchema } from '@/lib/charts/spec';
import type { Dataset } from '@/db/schema';
import { runCheckedQuery, type RunQueryOutput } from '@/lib/query-runner';
import type { GuardPolicy } from '@/lib/warehouse/guard';

export type { RunQueryOutput };

/** Rows the model sees of a result; the browser gets all the display rows. */
const MODEL_SAMPLE_ROWS = 20;
const MODEL_TAIL_ROWS = 10;

export const runQueryInput = z.object({
  sql: z.string().min(1).max(20_000).describe('One read-only PostgreSQL SELECT. Values go in $1, $2, ... placeholders, never inline.'),
  params: z
    .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .max(100)
    .default([])
    .describe('Values for $1, $2, ... in order.'),
  purpose: z.string().max(500).describe('One short sentence: what this query answers, in the language of the question.'),
  // .catch: a malformed spec must not fail the query; the browser then picks a chart itself.
  chart: chartSpecSchema
    .optional()
    .catch(undefined)
    .describe('Optional: how to chart the result, naming its columns. Omit it and Quarry picks a chart from the result shape.'),
});

/** Built once: the JSON Schema the model is sent is computed on first use and kept, not on every step. */
const runQuerySchema = zodSchema(runQueryInput);

type Row = Extract<RunQueryOutput, { ok: true }>['rows'][number];

/**
 * What the model reads of a result: the first rows and the last few (a token budget, and the
 * browser has the rest; the last rows are where a series ends, its latest periods), plus the rows
 * holding each numeric column's minimum and maximum, so nothing it says rests on the sample
 * alone. A dataset that does not share rows with the model gives it columns, types and counts only.
 */
export function modelView(output: RunQueryOutput, { shareRows = true }: { shareRows?: boolean } = {}) {
  if (!output.ok) return { error: output.error, rejected: output.rejected, code: output.code, position: output.position, hint: output.hint };
  const { columns, rows, rowCount, truncated } = output;
  if (!shareRows) {
    return {
      columns,
      rowCount,
      truncated,
      rowsWithheld: true as const,
      note: 'This dataset does not share result values with you. The user sees the table; say what it holds (its columns and row count) without stating, guessing or computing any value.',
    };
  }
  if (rows.length <= MODEL_SAMPLE_ROWS + MODEL_TAIL_ROWS) return { columns, rows, rowCount, truncated };
  const extremes: Record<string, { min: Row; max: Row }> = {};
  columns.forEach((column, i) => {
    let min: Row | undefined;
    let max: Row | undefined;
    for (const row of rows) {
      const v = row[i];
      if (typeof v !== 'number') continue;
      if (!min || v < (min[i] as number)) min = row;
      if (!max || v > (max[i] as number)) max = row;
    }
    if (min && max) extremes[column.name] = { min, max };
  });
  return {
    columns,
    rows: rows.slice(0, MODEL_SAMPLE_ROWS),
    rowCount,
    truncated,
    lastRows: rows.slice(-MODEL_TAIL_ROWS),
    extremes,
    note: `Only the first ${MODEL_SAMPLE_ROWS} and the last ${MODEL_TAIL_ROWS} (lastRows) of ${rowCount}${truncated ? '+' : ''} rows are shown to you; extremes cover all of them. The user sees every row.`,
  };
}

type ToolContext = { dataset: Dataset; policy: GuardPolicy; conversationId: string; userId: string | null };

export function createTools({ dataset, policy, conversationId, userId }: ToolContext) {
  return {
    runQuery: tool({
      description: 'Run one read-only SQL SELECT on the dataset and return columns, rows and timing.',
      inputSchema: runQuerySchema,
      execute: ({ sql, params }, { abortSignal }): Promise<RunQueryOutput> =>
        runCheckedQuery({ dataset, policy, conversationId, userId, sql, params, signal: abortSignal, asyncCommit: true }),
      // The model gets a small sample, never the display rows: a token budget and a privacy line.
      toModelOutput: ({ output }) => ({ type: 'json', value: modelView(output, { shareRows: dataset.shareRowsWithModel }) } as const),
    }),
  };
}

export type QuarryTools = ReturnType<typeof createTools>;
/** `source: 'analyst'` marks a query the analyst wrote or edited and ran from the SQL editor. */
/** `status: 'failed'`: the turn broke midway (model error, Stop, client gone); `error` says why. */
export type MessageMetadata = { source?: 'analyst'; status?: 'failed'; error?: string; notice?: 'limit' };
export type QuarryUIMessage = UIMessage<MessageMetadata, never, InferUITools<QuarryTools>>;
