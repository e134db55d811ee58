import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { listAllDatasets } from '@/db/datasets';
import { cn } from '@/lib/utils';

type Row = Awaited<ReturnType<typeof listAllDatasets>>[number];

const badge = 'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium';

export function DatasetList({ datasets }: { datasets: Row[] }) {
  const t = useTranslations('datasets');
  const format = useFormatter();
  if (datasets.length === 0) {
    return <p className="rounded-lg border border-dashed border-border p-10 text-center text-sm text-muted-foreground">{t('empty')}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="datasets-table">
        <thead className="bg-muted/50 text-left text-muted-foreground">
          <tr>
            <th className="px-3 py-2 font-medium">{t('columns.name')}</th>
            <th className="px-3 py-2 font-medium">{t('columns.slug')}</th>
            <th className="px-3 py-2 font-medium">{t('columns.status')}</th>
            <th className="px-3 py-2 text-right font-medium">{t('columns.tables')}</th>
            <th className="px-3 py-2 text-right font-medium">{t('columns.analysts')}</th>
            <th className="px-3 py-2 font-medium">{t('columns.updated')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {datasets.map((d) => (
            <tr key={d.id} className="hover:bg-muted/30">
              <td className="px-3 py-2">
                <Link href={`/admin/datasets/${d.id}`} className="font-medium text-primary hover:underline focus-visible:underline focus-visible:outline-none">
                  {d.name}
                </Link>
                {d.description && <p className="line-clamp-1 text-xs text-muted-foreground">{d.description}</p>}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{d.slug}</td>
              <td className="space-x-1 px-3 py-2">
                <span className={cn(badge, d.enabled ? 'border-emerald-600/30 bg-emerald-600/10 text-emerald-700 dark:text-emerald-400' : 'border-destructive/40 bg-destructive/10 text-destructive')}>
                  {t(d.enabled ? 'status.enabled' : 'status.disabled')}
                </span>
                {d.isDefault && <span className={cn(badge, 'border-border text-muted-foreground')}>{t('status.default')}</span>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{d.tables ? d.tables.length : t('allTables')}</td>
              <td className="px-3 py-2 text-right tabular-nums">{d.grants}</td>
              <td className="px-3 py-2 whitespace-nowrap text-muted-foreground">{format.dateTime(d.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
