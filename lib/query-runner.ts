import pg from 'pg';
import { recordQueryRun } from '@/db/queries';
import type { Dataset } from '@/db/schema';
import { DEFAULT_ROW_LIMIT, datasetLimits } from '@/lib/datasets/settings';
import { checkSql, type GuardPolicy } from '@/lib/warehouse/guard';
import { warehousePool } from '@/lib/warehouse/pools';
import { runReadOnly, type QueryResult } from '@/lib/warehouse/run';

/** The install-wide display cap; a dataset may set its own (lib/datasets/settings.ts). */
export const DISPLAY_ROWS = DEFAULT_ROW_LIMIT;

export type RunQueryOutput =
  | ({ ok: true; queryRunId: string } & QueryResult)
  | { ok: false; queryRunId: string | null; error: string; rejected?: boolean; code?: string; position?: number; hint?: string };

type Failure = Omit<Extract<RunQueryOutput, { ok: false }>, 'ok' | 'queryRunId'>;

function describeError(error: unknown): Failure {
  if (error instanceof pg.DatabaseError) {
    return {
      error: error.message,
      code: error.code,
      position: error.position ? Number(error.position) : undefined,
      hint: error.code === '57014' ? 'The query was cancelled or ran past the statement timeout: aggregate more, or filter to less data.' : error.hint,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { error: `The warehouse could not run the query: ${message}` };
}

type Run = {
  dataset: Dataset;
  policy: GuardPolicy;
  conversationId: string | null;
  userId: string | null;
  sql: string;
  params: (string | number | boolean | null)[];
  signal?: AbortSignal;
  /** The audit row commits without waiting for the disk: a chat turn's answer, committed after it, flushes it. */
  asyncCommit?: boolean;
};

/**
 * The one way a query reaches a warehouse, for models and analysts alike: the guard, then the
 * read-only executor, and an audit row in query_runs whatever the outcome. Failures are returned,
 * never thrown, so a model can read them and correct itself.
 */
export async function runCheckedQuery({ dataset, policy, conversationId, userId, sql, params, signal, asyncCommit }: Run): Promise<RunQueryOutput> {
  const audit = { datasetId: dataset.id, conversationId, userId, sql, params };
  const record = (run: Omit<Parameters<typeof recordQueryRun>[0], keyof typeof audit>) => recordQueryRun({ ...audit, ...run }, { asyncCommit });
  const verdict = await checkSql(sql, params, policy);
  if (!verdict.ok) {
    const queryRunId = await record({ status: 'rejected', durationMs: 0, error: verdict.reason }).catch(() => null);
    return { ok: false, rejected: true, queryRunId, error: verdict.reason };
  }
  const { rowLimit, statementTimeoutMs } = datasetLimits(dataset);
  const started = performance.now();
  try {
    const result = await runReadOnly(warehousePool(dataset), sql, params, {
      maxRows: rowLimit,
      timeoutMs: statementTimeoutMs,
      searchPath: policy.searchPath,
      signal,
    });
    const queryRunId = await record({ status: 'ok', rowCount: result.rowCount, durationMs: result.durationMs });
    return { ok: true, queryRunId, ...result };
  } catch (error) {
    const failure = describeError(error);
    const durationMs = performance.now() - started;
    const queryRunId = await record({ status: 'error', durationMs, error: failure.error }).catch(() => null);
    return { ok: false, queryRunId, ...failure };
  }
}
