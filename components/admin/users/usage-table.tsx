import { useFormatter, useTranslations } from 'next-intl';
import type { Usage } from '@/db/admin-users';

/** One row per UTC day, newest first, with a total; days without activity show zeros. */
export function UsageTable({ days }: { days: (Usage & { day: string })[] }) {
  const t = useTranslations('admin.usage');
  const format = useFormatter();
  const total = days.reduce((sum, d) => ({ questions: sum.questions + d.questions, queries: sum.queries + d.queries, inputTokens: sum.inputTokens + d.inputTokens, outputTokens: sum.outputTokens + d.outputTokens }), {
    questions: 0,
    queries: 0,
    inputTokens: 0,
    outputTokens: 0,
  });
  const cells = (u: Usage) =>
    [u.questions, u.queries, u.inputTokens, u.outputTokens].map((n, i) => (
      <td key={i} className="px-3 py-1.5 text-right tabular-nums">
        {format.number(n)}
      </td>
    ));
  return (
    <section aria-labelledby="usage-heading" className="space-y-3 rounded-lg border border-border p-4">
      <h2 id="usage-heading" className="font-medium">{t('title')}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">{t('day')}</th>
              {(['questions', 'queries', 'inputTokens', 'outputTokens'] as const).map((k) => (
                <th key={k} scope="col" className="px-3 py-1.5 text-right font-medium">{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-t border-border">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                  {format.dateTime(new Date(`${d.day}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })}
                </th>
                {cells(d)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-border font-medium">
              <th scope="row" className="px-3 py-1.5 text-left">{t('total')}</th>
              {cells(total)}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
