import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { RUN_STATUSES, type AuditFilters } from '@/db/audit';

type Options = { users: { id: string; email: string }[]; datasets: { id: string; name: string }[] };

const control = 'h-9 w-full rounded-md border border-border bg-card px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none';

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared with other admins. */
export function AuditFiltersForm({ filters, options }: { filters: AuditFilters; options: Options }) {
  const t = useTranslations('admin.audit');
  return (
    <form action="/admin/audit" className="grid gap-3 rounded-lg border border-border p-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('filters')}>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('user')}</span>
        <select name="user" defaultValue={filters.userId ?? ''} className={control}>
          <option value="">{t('any')}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>{u.email}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('dataset')}</span>
        <select name="dataset" defaultValue={filters.datasetId ?? ''} className={control}>
          <option value="">{t('any')}</option>
          {options.datasets.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('status')}</span>
        <select name="status" defaultValue={filters.status ?? ''} className={control}>
          <option value="">{t('any')}</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`statusName.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('text')}</span>
        <input name="q" type="search" defaultValue={filters.text ?? ''} maxLength={500} className={`${control} font-mono`} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('from')}</span>
        <input name="from" type="date" defaultValue={filters.from ?? ''} className={control} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">{t('to')}</span>
        <input name="to" type="date" defaultValue={filters.to ?? ''} className={control} />
      </label>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit">{t('apply')}</Button>
        <Button variant="ghost" asChild>
          <Link href="/admin/audit">{t('clear')}</Link>
        </Button>
      </div>
    </form>
  );
}
