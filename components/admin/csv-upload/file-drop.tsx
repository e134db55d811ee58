'use client';

import { FileUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { cn } from '@/lib/utils';

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';
const looksLikeCsv = (file: File) => /\.(csv|tsv|txt)$/i.test(file.name) || /^text\//.test(file.type);

/** A drop zone that is also a file input: click, Enter or Space opens the picker. */
export function FileDrop({ onFile }: { onFile: (file: File) => void }) {
  const t = useTranslations('load.drop');
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string>();
  const pick = (file: File | undefined) => {
    if (!file) return;
    if (!looksLikeCsv(file)) return setRefused(t('notCsv', { name: file.name }));
    setRefused(undefined);
    onFile(file);
  };
  return (
    <div className="space-y-2">
      <label
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => (e.preventDefault(), setDragging(false), pick(e.dataTransfer.files[0]))}
        className={cn(
          'flex cursor-pointer flex-col items-center gap-3 rounded-lg border-2 border-dashed border-border px-6 py-12 text-center transition-colors focus-within:ring-2 focus-within:ring-ring hover:bg-muted/50',
          dragging && 'border-primary bg-muted',
        )}
        data-testid="csv-drop"
      >
        <FileUp className="size-8 text-muted-foreground" aria-hidden />
        <span className="font-medium">{t('label')}</span>
        <span className="max-w-md text-sm text-muted-foreground">{t('hint')}</span>
        <span className="inline-flex h-9 items-center rounded-md border border-border bg-card px-3 text-sm font-medium">{t('choose')}</span>
        <input type="file" accept={ACCEPT} className="sr-only" onChange={(e) => (pick(e.target.files?.[0]), (e.target.value = ''))} data-testid="csv-file" />
      </label>
      {refused && (
        <p role="alert" className="text-sm text-destructive">
          {refused}
        </p>
      )}
    </div>
  );
}
