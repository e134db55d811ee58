'use client';

import { AlertTriangle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useMemo } from 'react';
import { QueryResult } from '@/components/answer/query-result';
import type { RunSql } from '@/components/answer/sql-block';
import type { QuarryUIMessage } from '@/lib/ai/tools';
import { UserMessage } from './user-message';

// The markdown renderer loads with the first answer; until then the text shows as it is.
const Markdown = lazy(() => import('./markdown').then((m) => ({ default: m.Markdown })));

type Props = {
  message: QuarryUIMessage;
  streaming: boolean;
  /** Runs edited SQL; without it the SQL cannot be edited or run. */
  onRun?: RunSql;
  /** A shared snapshot: nothing that runs a query, no CSV of a run the viewer does not own. */
  readOnly?: boolean;
};

/**
 * The same element while the text is the same: a server-rendered answer keeps its HTML until the
 * markdown code arrives, instead of falling back to plain text when the chat client first
 * re-renders the page (React discards a not yet hydrated boundary that receives an update).
 */
function AnswerText({ text, streaming }: { text: string; streaming: boolean }) {
  return useMemo(
    () => (
      <div data-testid="answer-text">
        <Suspense fallback={<p className="leading-relaxed whitespace-pre-wrap">{text}</p>}>
          <Markdown text={text} streaming={streaming} />
        </Suspense>
      </div>
    ),
    [text, streaming],
  );
}

export function Message({ message, streaming, onRun, readOnly = false }: Props) {
  const t = useTranslations('chat');
  const a = useTranslations('answer');
  if (message.role === 'user') return <UserMessage message={message} />;
  return (
    <div className="space-y-3" data-role="assistant">
      {message.metadata?.source === 'analyst' ? (
        <p className="text-xs font-medium text-muted-foreground">{a('yourQuery')}</p>
      ) : (
        <p className="sr-only">{t('assistant')}:</p>
      )}
      {message.parts.map((part, i) => {
        if (part.type === 'text') return <AnswerText key={i} text={part.text} streaming={streaming} />;
        if (part.type === 'tool-runQuery') return <QueryResult key={part.toolCallId} part={part} onRun={readOnly ? undefined : onRun} readOnly={readOnly} />;
        return null;
      })}
      {message.metadata?.status === 'failed' && (
        <p role="note" className="flex items-start gap-2 text-sm text-muted-foreground" data-testid="interrupted">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-500" aria-hidden />
          <span>
            {t('interrupted')}
            {message.metadata.error && <> {message.metadata.error}</>}
          </span>
        </p>
      )}
    </div>
  );
}
