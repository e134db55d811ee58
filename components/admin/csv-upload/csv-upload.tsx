'use client';

import { CheckCircle2, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CsvPreview, LoadColumn } from '@/lib/warehouse/csv/plan';
import { cn } from '@/lib/utils';
import { ColumnsEditor } from './columns-editor';
import { FailureMessage } from './failure-message';
import { FileDrop } from './file-drop';
import { columnIssues, nameIssue, type NameIssue } from './names';
import { loadFile, previewFile, type Failure, type LoadSummary } from './requests';

type Stage =
  | { step: 'choose' }
  | { step: 'reading'; file: File }
  | { step: 'preview'; file: File; preview: CsvPreview }
  | { step: 'loading'; file: File; preview: CsvPreview; sent: number }
  | { step: 'done'; file: File; summary: LoadSummary };

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const;

/** Choose a CSV file, confirm (and adjust) the table it becomes, then stream it into the warehouse. */
export function CsvUpload({ datasetId, datasetName }: { datasetId: string; datasetName: string }) {
  const t = useTranslations('load');
  const format = useFormatter();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [failure, setFailure] = useState<Failure>();
  const [table, setTable] = useState('');
  const [columns, setColumns] = useState<LoadColumn[]>([]);
  const abort = useRef<AbortController | null>(null);
  const tableInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const size = (bytes: number) =>
    bytes < 1e6 ? format.number(bytes / 1e3, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }) : bytes < 1e9 ? format.number(bytes / 1e6, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }) : format.number(bytes / 1e9, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 2 });

  const choose = async (file: File) => {
    abort.current?.abort();
    const controller = (abort.current = new AbortController());
    setFailure(undefined);
    setStage({ step: 'reading', file });
    const outcome = await previewFile(datasetId, file, controller.signal);
    if (controller.signal.aborted) return;
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return setStage({ step: 'choose' });
    }
    setTable(outcome.data.table);
    setColumns(outcome.data.columns);
    setStage({ step: 'preview', file, preview: outcome.data });
  };

  const preview = stage.step === 'preview' || stage.step === 'loading' ? stage.preview : null;
  const reserved = useMemo(() => new Set(preview?.reservedWords), [preview]);
  const existing = useMemo(() => new Set(preview?.existingTables), [preview]);
  const tableIssue: NameIssue | null = nameIssue(table, reserved) ?? (existing.has(table) ? 'exists' : null);
  const issues = columnIssues(
    columns.map((c) => c.name),
    reserved,
  );
  const valid = !tableIssue && issues.every((i) => !i);

  const load = async () => {
    if (stage.step !== 'preview') return;
    if (!valid) return tableIssue ? tableInput.current?.focus() : document.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
    const { file, preview } = stage;
    const controller = (abort.current = new AbortController());
    setFailure(undefined);
    setStage({ step: 'loading', file, preview, sent: 0 });
    const outcome = await loadFile(
      datasetId,
      { table, delimiter: preview.delimiter, columns, bytes: file.size, filename: file.name },
      file,
      { signal: controller.signal, onProgress: (sent) => setStage((s) => (s.step === 'loading' ? { ...s, sent } : s)) },
    );
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return setStage({ step: 'preview', file, preview });
    }
    setStage({ step: 'done', file, summary: outcome.data });
  };

  const reset = () => {
    abort.current?.abort();
    setFailure(undefined);
    setStage({ step: 'choose' });
  };

  if (stage.step === 'done') {
    const { summary } = stage;
    return (
      <div className="space-y-4 rounded-lg border border-border p-6" role="status" data-testid="csv-done">
        <div className="flex items-start gap-3">
          <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
          <div className="space-y-1">
            <h2 className="font-semibold">{t('done.title', { rows: summary.rows, table: `${summary.schema}.${summary.table}` })}</h2>
            <p className="text-sm text-muted-foreground">
              {t('done.body', { size: size(summary.bytes), seconds: format.number(summary.ms / 1000, { maximumFractionDigits: 1 }), dataset: datasetName })}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href="/">{t('actions.ask')}</Link>
          </Button>
          <Button variant="outline" onClick={reset}>
            {t('actions.loadAnother')}
          </Button>
        </div>
      </div>
    );
  }

  if (stage.step === 'choose' || stage.step === 'reading') {
    return (
      <div className="space-y-3">
        {stage.step === 'reading' ? (
          <div className="flex items-center gap-2 rounded-lg border border-border px-6 py-12 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden /> {t('reading', { name: stage.file.name })}
          </div>
        ) : (
          <FileDrop onFile={(file) => void choose(file)} />
        )}
        {failure && <FailureMessage failure={failure} />}
      </div>
    );
  }

  const loading = stage.step === 'loading';
  const { file } = stage;
  const finishing = loading && stage.sent >= file.size;
  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void load();
      }}
      noValidate
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium">{t('preview.file', { name: file.name, size: size(file.size) })}</p>
        <p className="text-muted-foreground">{t('preview.delimiter', { delimiter: t(`preview.${DELIMITER_NAMES[stage.preview.delimiter]}`) })}</p>
      </div>
      <label className="block max-w-md space-y-1 text-sm">
        <span className="font-medium">{t('preview.table')}</span>
        <span className={cn('flex h-9 items-center rounded-md border border-border bg-background focus-within:ring-2 focus-within:ring-ring', tableIssue && 'border-destructive')}>
          <span className="pl-2.5 font-mono text-muted-foreground">{stage.preview.schema}.</span>
          <input
            ref={tableInput}
            value={table}
            onChange={(e) => setTable(e.target.value)}
            disabled={loading}
            spellCheck={false}
            aria-invalid={tableIssue ? true : undefined}
            aria-describedby={tableIssue ? 'table-issue' : undefined}
            className="h-full min-w-0 flex-1 bg-transparent pr-2.5 font-mono outline-none disabled:opacity-50"
            data-testid="csv-table-name"
          />
        </span>
        {tableIssue && (
          <span id="table-issue" className="block text-xs text-destructive">
            {t(`invalid.${tableIssue}`, { name: table, schema: stage.preview.schema })}
          </span>
        )}
      </label>
      <div className="space-y-2">
        <h2 className="text-sm font-medium">{t('preview.columns')}</h2>
        <p className="text-sm text-muted-foreground">
          {stage.preview.partial ? t('preview.sampledPartial', { rows: stage.preview.sampledRows }) : t('preview.sampled', { rows: stage.preview.sampledRows })}
        </p>
        <ColumnsEditor
          columns={columns}
          issues={issues}
          rows={stage.preview.rows}
          disabled={loading}
          onChange={(index, change) => setColumns((cols) => cols.map((c, i) => (i === index ? { ...c, ...change } : c)))}
        />
      </div>
      {failure && <FailureMessage failure={failure} />}
      {loading && (
        <div className="space-y-1.5" role="status">
          <div
            className="h-2 overflow-hidden rounded-full bg-muted"
            role="progressbar"
            aria-label={t('progress.label')}
            aria-valuemin={0}
            aria-valuemax={file.size}
            aria-valuenow={stage.sent}
          >
            <div className={cn('h-full bg-primary transition-[width]', finishing && 'animate-pulse')} style={{ width: `${file.size ? (stage.sent / file.size) * 100 : 100}%` }} />
          </div>
          <p className="text-sm text-muted-foreground">{finishing ? t('progress.finishing') : t('progress.uploading', { sent: size(stage.sent), total: size(file.size) })}</p>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={loading} data-testid="csv-load">
          {loading && <Loader2 className="animate-spin" aria-hidden />}
          {t('actions.load', { table: `${stage.preview.schema}.${table}` })}
        </Button>
        {loading ? (
          <Button type="button" variant="outline" onClick={() => abort.current?.abort()}>
            {t('actions.cancel')}
          </Button>
        ) : (
          <Button type="button" variant="outline" onClick={reset}>
            {t('actions.another')}
          </Button>
        )}
      </div>
    </form>
  );
}
