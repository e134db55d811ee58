import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AuditFiltersForm } from '@/components/admin/audit/filters';
import { RunsTable } from '@/components/admin/audit/runs-table';
import { Button } from '@/components/ui/button';
import { auditFilterOptions, AuditSearchTooSlow, listQueryRuns, RUN_STATUSES, type AuditCursor, type AuditFilters, type AuditPage } from '@/db/audit';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const PAGE = 50;
const day = z.iso.date();
const cursor = z
  .string()
  .max(100)
  .transform((s, ctx): AuditCursor => {
    const [at, id] = s.split('~');
    if (!z.iso.datetime({ precision: 6 }).safeParse(at).success || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'bad cursor' });
      return z.NEVER;
    }
    return { at: at!, id: id! };
  });

const FIELDS = {
  user: z.string().min(1).max(100),
  dataset: z.uuid(),
  status: z.enum(RUN_STATUSES),
  from: day,
  to: day,
  q: z.string().trim().min(1).max(500),
  before: cursor,
  after: cursor,
};
type Field = keyof typeof FIELDS;
const FIELD_LABELS = { user: 'user', dataset: 'dataset', status: 'status', from: 'from', to: 'to', q: 'text', before: 'position', after: 'position' } as const;
type Parsed = { [K in Field]?: z.output<(typeof FIELDS)[K]> };

/** Each filter on its own: a bad one is named and ignored, the others still apply. */
function parse(params: Record<string, string | string[] | undefined>) {
  const parsed: Parsed = {};
  const invalid: Field[] = [];
  for (const field of Object.keys(FIELDS) as Field[]) {
    const raw = params[field];
    if (raw === undefined || raw === '') continue;
    const result = FIELDS[field].safeParse(raw);
    if (result.success) Object.assign(parsed, { [field]: result.data });
    else invalid.push(field);
  }
  return { parsed, invalid };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const t = await getTranslations('admin.audit');
  const { parsed, invalid } = parse(await searchParams);
  const filters: AuditFilters = { userId: parsed.user, datasetId: parsed.dataset, status: parsed.status, from: parsed.from, to: parsed.to, text: parsed.q };
  const [options, page] = await Promise.all([
    auditFilterOptions(),
    listQueryRuns(filters, { limit: PAGE, before: parsed.before, after: parsed.before ? undefined : parsed.after }).catch((error: unknown) => {
      if (error instanceof AuditSearchTooSlow) return 'too-slow' as const;
      throw error;
    }),
  ]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const query = Object.fromEntries(Object.entries({ user: parsed.user, dataset: parsed.dataset, status: parsed.status, from: parsed.from, to: parsed.to, q: parsed.q }).filter((e): e is [string, string] => e[1] !== undefined));
  const href = (extra: Record<string, string>) => `/admin/audit?${new URLSearchParams({ ...query, ...extra })}`;
  const at = (c: AuditCursor) => `${c.at}~${c.id}`;
  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">{t('subtitle')}</p>
      </div>
      <AuditFiltersForm filters={filters} options={options} />
      {invalid.length > 0 && (
        <p role="alert" className="rounded-md border border-amber-600/40 bg-amber-500/10 px-3 py-2 text-sm text-amber-800 dark:text-amber-300">
          {t('badFilters', { fields: invalid.map((f) => t(FIELD_LABELS[f])).join(', ') })}
        </p>
      )}
      {page === 'too-slow' ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">{t('timeout')}</p>
      ) : (
        <Results page={page} filtered={filtered} newerHref={page.newer && href({ after: at(page.newer) })} olderHref={page.older && href({ before: at(page.older) })} newestHref={parsed.before || parsed.after ? href({}) : null} />
      )}
    </div>
  );
}

async function Results({ page, filtered, newerHref, olderHref, newestHref }: { page: AuditPage; filtered: boolean; newerHref: string | null; olderHref: string | null; newestHref: string | null }) {
  const t = await getTranslations('admin.audit');
  return (
    <>
      {page.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border p-10 text-center text-sm text-muted-foreground">{t(filtered ? 'noMatches' : 'empty')}</div>
      ) : (
        <RunsTable rows={page.rows} />
      )}
      {(newerHref || olderHref || newestHref) && (
        <nav className="flex justify-end gap-2" aria-label={t('title')}>
          {newestHref && (
            <Button variant="ghost" size="sm" asChild>
              <Link href={newestHref}>{t('newest')}</Link>
            </Button>
          )}
          {newerHref && (
            <Button variant="outline" size="sm" asChild>
              <Link href={newerHref}>← {t('newer')}</Link>
            </Button>
          )}
          {olderHref && (
            <Button variant="outline" size="sm" asChild>
              <Link href={olderHref}>{t('older')} →</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}
