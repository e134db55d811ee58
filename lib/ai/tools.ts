import { tool, type InferUITools, type UIMessage } from 'ai';
import pg from 'pg';
import { z } from 'zod';
import { recordQueryRun } from '@/db/queries';
import type { Dataset } from '@/db/schema';
import { checkSql, type GuardPolicy } from '@/lib/warehouse/guard';
import { warehousePool } from '@/lib/warehouse/pools';
import { runReadOnly, type QueryResult } from '@/lib/warehouse/run';

/** Rows the model sees of a result; the browser gets up to `DISPLAY_ROWS`. */
const MODEL_SAMPLE_ROWS = 20;
const DISPLAY_ROWS = Number(process.env.QUARRY_MAX_ROWS ?? 1000);
const STATEMENT_TIMEOUT_MS = Number(process.env.QUARRY_STATEMENT_TIMEOUT_MS ?? 15_000);

export const runQueryInput = z.object({
  sql: z.string().min(1).max(20_000).describe('One read-only PostgreSQL SELECT. Values go in $1, $2, ... placeholders, never inline.'),
  params: z
    .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .max(100)
    .default([])
    .describe('Values for $1, $2, ... in order.'),
  purpose: z.string().max(500).describe('One short sentence: what this query answers, in the language of the question.'),
});

export type RunQueryOutput =
  | ({ ok: true; queryRunId: string } & QueryResult)
  | { ok: false; queryRunId: string | null; error: string; rejected?: boolean; code?: string; position?: number; hint?: string };

function describeError(error: unknown): Omit<Extract<RunQueryOutput, { ok: false }>, 'ok' | 'queryRunId'> {
  if (error instanceof pg.DatabaseError) {
    return {
      error: error.message,
      code: error.code,
      position: error.position ? Number(error.position) : undefined,
      hint: error.code === '57014' ? 'The query ran past the statement timeout: aggregate more, or filter to less data.' : error.hint,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { error: `The warehouse could not run the query: ${message}` };
}

type ToolContext = { dataset: Dataset; policy: GuardPolicy; conversationId: string };

export function createTools({ dataset, policy, conversationId }: ToolContext) {
  return {
    runQuery: tool({
      description: 'Run one read-only SQL SELECT on the dataset and return columns, rows and timing.',
      inputSchema: runQueryInput,
      execute: async ({ sql, params }, { abortSignal }): Promise<RunQueryOutput> => {
        const started = performance.now();
        const run = { datasetId: dataset.id, conversationId, sql, params };
        const verdict = await checkSql(sql, params, policy);
        if (!verdict.ok) {
          const queryRunId = await recordQueryRun({ ...run, status: 'rejected', durationMs: 0, error: verdict.reason }).catch(() => null);
          return { ok: false, rejected: true, queryRunId, error: verdict.reason };
        }
        try {
          const result = await runReadOnly(warehousePool(dataset), sql, params, {
            maxRows: DISPLAY_ROWS,
            timeoutMs: STATEMENT_TIMEOUT_MS,
            searchPath: policy.searchPath,
            signal: abortSignal,
          });
          const queryRunId = await recordQueryRun({ ...run, status: 'ok', rowCount: result.rowCount, durationMs: result.durationMs });
          return { ok: true, queryRunId, ...result };
        } catch (error) {
          const failure = describeError(error);
          const durationMs = Math.round(performance.now() - started);
          const queryRunId = await recordQueryRun({ ...run, status: 'error', durationMs, error: failure.error }).catch(() => null);
          return { ok: false, queryRunId, ...failure };
        }
      },
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
export type QuarryUIMessage = UIMessage<never, never, InferUITools<QuarryTools>>;
