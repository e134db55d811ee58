'use client';

import { ChevronRight, Loader2, Pencil, Play, Square, WandSparkles } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { Collapsible } from 'radix-ui';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

// CodeMirror and the formatter load when the analyst first edits, not with the page.
const SqlEditor = dynamic(() => import('./sql-editor').then((m) => m.SqlEditor), { ssr: false });

/** Runs SQL from the editor as the analyst's own query; rejects with the server's message. */
export type RunSql = (sql: string, params: unknown[], signal: AbortSignal) => Promise<void>;

type Props = { sql: string; params: unknown[]; purpose?: string; onRun?: RunSql };

function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

export function SqlBlock({ sql, params, purpose, onRun }: Props) {
  const t = useTranslations('answer');
  const [open, setOpen] = useState(true);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(sql);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState<AbortController>();
  const elapsed = useElapsed(running !== undefined);
  const [editorKey, setEditorKey] = useState(0);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const run = async () => {
    if (!onRun || running) return;
    const controller = new AbortController();
    setRunning(controller);
    setError(undefined);
    try {
      // Edited SQL keeps the original parameters only while it still uses them.
      const text = draftRef.current;
      await onRun(text, text === sql ? params : [], controller.signal);
      setEditing(false);
    } catch (e) {
      if (!controller.signal.aborted) setError((e as Error).message);
    } finally {
      setRunning(undefined);
    }
  };

  const tidy = async () => {
    try {
      const { format } = await import('sql-formatter');
      setDraft(format(draftRef.current, { language: 'postgresql', keywordCase: 'upper', paramTypes: { numbered: ['$'] } }));
      setEditorKey((k) => k + 1);
    } catch {
      setError(t('formatFailed'));
    }
  };

  return (
    <Collapsible.Root open={open} onOpenChange={setOpen} className="rounded-lg border border-border bg-card">
      <div className="flex items-center justify-between gap-2 px-3 py-1.5">
        <Collapsible.Trigger className="flex min-w-0 items-center gap-1.5 rounded text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <ChevronRight className={`size-4 shrink-0 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden />
          <span>{t('sql')}</span>
          {purpose && <span className="truncate font-normal text-muted-foreground">· {purpose}</span>}
          <span className="sr-only">{open ? t('hideSql') : t('showSql')}</span>
        </Collapsible.Trigger>
        <div className="flex items-center gap-1">
          {onRun && !editing && (
            <Button variant="ghost" size="sm" onClick={() => (setOpen(true), setEditing(true))}>
              <Pencil /> {t('edit')}
            </Button>
          )}
          <CopyButton text={editing ? draft : sql} label={t('copy')} copiedLabel={t('copied')} />
        </div>
      </div>
      <Collapsible.Content>
        {editing ? (
          <>
            <SqlEditor key={editorKey} initial={draft} onChange={setDraft} onRun={run} label={t('editorLabel')} />
            <div className="flex flex-wrap items-center gap-2 border-t border-border px-3 py-1.5">
              {running ? (
                <>
                  <Button size="sm" variant="outline" onClick={() => running.abort()} data-testid="cancel-query">
                    <Square /> {t('cancel')}
                  </Button>
                  <span className="flex items-center gap-1.5 text-xs text-muted-foreground" role="status">
                    <Loader2 className="size-3.5 animate-spin" aria-hidden /> {t('runningFor', { seconds: elapsed })}
                  </span>
                </>
              ) : (
                <>
                  <Button size="sm" onClick={run} disabled={!draft.trim()} data-testid="run-sql">
                    <Play /> {t('run')}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => void tidy()} data-testid="format-sql">
                    <WandSparkles /> {t('format')}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => (setEditing(false), setDraft(sql), setError(undefined))}>
                    {t('discard')}
                  </Button>
                  <span className="text-xs text-muted-foreground">{t('runHint')}</span>
                </>
              )}
            </div>
            {error && (
              <p role="alert" className="border-t border-border px-3 py-1.5 text-sm text-destructive">
                {error}
              </p>
            )}
          </>
        ) : (
          <>
            <pre className="overflow-x-auto border-t border-border px-3 py-2 font-mono text-xs leading-relaxed" data-testid="sql">
              <code>{sql}</code>
            </pre>
            {params.length > 0 && (
              <p className="border-t border-border px-3 py-1.5 font-mono text-xs text-muted-foreground">
                {t('params')}: {params.map((p, i) => `$${i + 1} = ${JSON.stringify(p)}`).join(', ')}
              </p>
            )}
          </>
        )}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
