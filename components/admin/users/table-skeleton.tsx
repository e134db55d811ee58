import { useTranslations } from 'next-intl';

/** What an admin page shows while its data loads. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  const t = useTranslations('admin');
  return (
    <div className="mx-auto max-w-6xl space-y-5" aria-busy="true">
      <span className="sr-only" role="status">{t('loading')}</span>
      <div className="h-7 w-40 animate-pulse rounded bg-muted" />
      <div className="h-9 w-80 animate-pulse rounded bg-muted" />
      <div className="space-y-2 rounded-lg border border-border p-3">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-muted/70" />
        ))}
      </div>
    </div>
  );
}
