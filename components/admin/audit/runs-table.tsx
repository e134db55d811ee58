import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AuditRow } from '@/db/audit';
import { cn } from '@/lib/utils';

const STATUS_STYLE = {
  ok: 'border-emerald-600/30 bg-emerald-600/10 text-emerald-700 dark:text-emerald-400',
  error: 'border-destructive/40 bg-destructive/10 text-destructive',
  rejected: 'border-amber-600/40 bg-amber-500/10 text-amber-700 dark:text-amber-400',
} as const;

/** Query runs, newest first; each row's SQL, parameters and error unfold in place. */
export function RunsTable({ rows }: { rows: AuditRow[] }) {
  const t = useTranslations('admin.audit');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t('time')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('status')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('user')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('dataset')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('conversation')}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t('duration')}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{t('rows')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('sql')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-border align-top" data-testid="audit-row">
              <td className="px-3 py-2 whitespace-nowrap text-muted-foreground">
                <time dateTime={r.createdAt.toISOString()} title={r.createdAt.toISOString()}>
                  {format.dateTime(r.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </time>
              </td>
              <td className="px-3 py-2">
                <span className={cn('inline-flex rounded-full border px-2 py-0.5 text-xs font-medium', STATUS_STYLE[r.status])}>{t(`statusName.${r.status}`)}</span>
              </td>
              <td className="max-w-44 truncate px-3 py-2" title={r.userEmail ?? undefined}>
                {r.userEmail ?? <span className="text-muted-foreground italic">{t('deletedUser')}</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{r.datasetName}</td>
              <td className="max-w-44 truncate px-3 py-2">
                {r.conversationId ? (
                  <Link href={`/c/${r.conversationId}`} className="text-primary hover:underline" title={r.conversationTitle ?? undefined}>
                    {r.conversationTitle || t('untitled')}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">{t('noConversation')}</span>
                )}
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{t('ms', { ms: r.durationMs })}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.rowCount === null ? '—' : format.number(r.rowCount)}</td>
              <td className="w-full min-w-48 px-3 py-2">
                <details className="group">
                  <summary className="cursor-pointer list-none rounded focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" title={t('showSql')}>
                    {/* w-0 min-w-full: a long statement is cut to the column's width instead of widening the table past the page. */}
                    <span className="block w-0 min-w-full truncate font-mono text-xs">{r.sql}</span>
                    {r.error && <span className="mt-1 block w-0 min-w-full truncate text-xs text-destructive group-open:hidden">{r.error}</span>}
                  </summary>
                  <div className="mt-2 space-y-2">
                    <pre className="max-h-80 overflow-auto rounded bg-muted/60 p-2 font-mono text-xs whitespace-pre-wrap">{r.sql}</pre>
                    {r.params.length > 0 && (
                      <div>
                        <p className="text-xs font-medium text-muted-foreground">{t('params')}</p>
                        <pre className="overflow-auto rounded bg-muted/60 p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(r.params, null, 1)}</pre>
                      </div>
                    )}
                    {r.error && (
                      <div>
                        <p className="text-xs font-medium text-muted-foreground">{t('error')}</p>
                        <p className="text-xs whitespace-pre-wrap text-destructive">{r.error}</p>
                      </div>
                    )}
                  </div>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
