'use client';

import { AlertTriangle, Download, Loader2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useMemo } from 'react';
import { Button } from '@/components/ui/button';
import type { QuarryUIMessage } from '@/lib/ai/tools';
import { ResultTable } from './result-table';
import { SqlBlock, type RunSql } from './sql-block';

// Recharts and the chart rules load with the first result that has one, not with the page. Not
// next/dynamic: this file is itself loaded on demand (see chat.tsx), and for a next/dynamic inside
// another Turbopack 16.4 lists a chunk it never writes, so the server would preload a 404.
const ResultChart = lazy(() => import('./result-chart').then((m) => ({ default: m.ResultChart })));

type RunQueryPart = Extract<QuarryUIMessage['parts'][number], { type: 'tool-runQuery' }>;

function ErrorNote({ title, detail }: { title: string; detail: string }) {
  return (
    <div role="alert" className="flex gap-2 rounded-lg border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm">
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
      <div>
        <p className="font-medium">{title}</p>
        <p className="text-muted-foreground">{detail}</p>
      </div>
    </div>
  );
}

/**
 * `readOnly`: a shared snapshot. No CSV link (a fresh run, allowed only to the conversation's
 * owner), and no spinner for a query whose answer was never saved.
 */
export function QueryResult({ part, onRun, readOnly = false }: { part: RunQueryPart; onRun?: RunSql; readOnly?: boolean }) {
  const t = useTranslations('answer');
  const input = part.state === 'input-streaming' ? undefined : part.input;
  // The same element for the same call and state (a call's input and output no longer change once
  // it has its output): a server-rendered chart keeps its HTML until its code arrives, instead of
  // collapsing when the chat client first re-renders the page, which would move everything below it.
  const chart = useMemo(
    () =>
      part.state === 'output-available' &&
      part.output.ok && (
        <Suspense>
          <ResultChart result={part.output} proposed={input?.chart} purpose={input?.purpose} />
        </Suspense>
      ),
    [part.toolCallId, part.state],
  );
  return (
    <div className="space-y-2" data-testid="query-result">
      {input?.sql && <SqlBlock sql={input.sql} params={input.params ?? []} purpose={input.purpose} onRun={onRun} />}
      {!readOnly && (part.state === 'input-streaming' || part.state === 'input-available') && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> {t('running')}
        </p>
      )}
      {part.state === 'output-error' && <ErrorNote title={t('queryFailed')} detail={part.errorText} />}
      {part.state === 'output-available' &&
        (part.output.ok ? (
          <>
            {chart}
            <ResultTable {...part.output} />
            {!readOnly && part.output.queryRunId && (
              <Button variant="outline" size="sm" asChild>
                <a href={`/api/queries/${part.output.queryRunId}/csv`} download data-testid="download-csv">
                  <Download /> {t('downloadCsv')}
                </a>
              </Button>
            )}
          </>
        ) : (
          <ErrorNote
            title={part.output.rejected ? t('queryRejected') : t('queryFailed')}
            detail={[part.output.error, part.output.hint].filter(Boolean).join(' ')}
          />
        ))}
    </div>
  );
}
