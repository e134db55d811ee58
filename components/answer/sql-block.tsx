'use client';

import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Collapsible } from 'radix-ui';
import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

type Props = { sql: string; params: unknown[]; purpose?: string };

export function SqlBlock({ sql, params, purpose }: Props) {
  const t = useTranslations('answer');
  const [open, setOpen] = useState(true);
  return (
    <Collapsible.Root open={open} onOpenChange={setOpen} className="rounded-lg border border-border bg-card">
      <div className="flex items-center justify-between gap-2 px-3 py-1.5">
        <Collapsible.Trigger className="flex min-w-0 items-center gap-1.5 rounded text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <ChevronRight className={`size-4 shrink-0 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden />
          <span>{t('sql')}</span>
          {purpose && <span className="truncate font-normal text-muted-foreground">· {purpose}</span>}
          <span className="sr-only">{open ? t('hideSql') : t('showSql')}</span>
        </Collapsible.Trigger>
        <CopyButton text={sql} label={t('copy')} copiedLabel={t('copied')} />
      </div>
      <Collapsible.Content>
        <pre className="overflow-x-auto border-t border-border px-3 py-2 font-mono text-xs leading-relaxed" data-testid="sql">
          <code>{sql}</code>
        </pre>
        {params.length > 0 && (
          <p className="border-t border-border px-3 py-1.5 font-mono text-xs text-muted-foreground">
            {t('params')}: {params.map((p, i) => `$${i + 1} = ${JSON.stringify(p)}`).join(', ')}
          </p>
        )}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
