import { tool, type InferUITools, type UIMessage } from 'ai';
import { z } from 'zod';
import { chartSpecSchema } from '@/lib/charts/spec';
import type { Dataset } from '@/db/schema';
import { runCheckedQuery, type RunQueryOutput } from '@/lib/query-runner';
import type { GuardPolicy } from '@/lib/warehouse/guard';

export type { RunQueryOutput };

/** Rows the model sees of a result; the browser gets all the display rows. */
const MODEL_SAMPLE_ROWS = 20;

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

type ToolContext = { dataset: Dataset; policy: GuardPolicy; conversationId: string };

export function createTools({ dataset, policy, conversationId }: ToolContext) {
  return {
    runQuery: tool({
      description: 'Run one read-only SQL SELECT on the dataset and return columns, rows and timing.',
      inputSchema: runQueryInput,
      execute: ({ sql, params }, { abortSignal }): Promise<RunQueryOutput> =>
        runCheckedQuery({ dataset, policy, conversationId, sql, params, signal: abortSignal }),
      // The model gets a small sample, never the display rows: a token budget and a privacy line.
      toModelOutput: ({ output }) => ({
        type: 'json',
        value: output.ok
          ? {
              columns: output.columns,
              rows: output.rows.slice(0, MODEL_SAMPLE_ROWS),
              rowCount: output.rowCount,
              truncated: output.truncated,
              note: output.rowCount > MODEL_SAMPLE_ROWS ? `Only the first ${MODEL_SAMPLE_ROWS} rows are shown to you; the user sees all.` : undefined,
            }
          : { error: output.error, rejected: output.rejected, code: output.code, position: output.position, hint: output.hint },
      } as const),
    }),
  };
}

export type QuarryTools = ReturnType<typeof createTools>;
/** `source: 'analyst'` marks a query the analyst wrote or edited and ran from the SQL editor. */
export type MessageMetadata = { source?: 'analyst' };
export type QuarryUIMessage = UIMessage<MessageMetadata, never, InferUITools<QuarryTools>>;
