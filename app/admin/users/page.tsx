import { Search } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CreateUserDialog } from '@/components/admin/users/create-user-dialog';
import { UsersTable } from '@/components/admin/users/users-table';
import { Button } from '@/components/ui/button';
import { listAdminUsers } from '@/db/admin-users';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const PAGE = 50;
const searchSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(2_000).catch(1),
});

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const t = await getTranslations('admin.users');
  const { q, page } = searchSchema.parse({ q: '', page: 1, ...(await searchParams) });
  const rows = await listAdminUsers({ search: q || undefined, limit: PAGE + 1, offset: (page - 1) * PAGE });
  const users = rows.slice(0, PAGE);
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q && { q }), page: String(p) })}`;
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="text-sm text-muted-foreground">{t('subtitle')}</p>
        </div>
        <CreateUserDialog />
      </div>
      <form role="search" action="/admin/users" className="flex max-w-md gap-2">
        <label className="flex flex-1 items-center gap-2 rounded-md border border-border bg-card px-2.5 focus-within:ring-2 focus-within:ring-ring">
          <Search className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('search')}</span>
          <input name="q" defaultValue={q} maxLength={200} placeholder={t('search')} className="h-9 w-full bg-transparent text-sm outline-none" />
        </label>
        <Button type="submit" variant="outline">{t('searchButton')}</Button>
      </form>
      {users.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border p-10 text-center text-sm text-muted-foreground">
          {q ? (
            <>
              <p>{t('noMatches', { search: q })}</p>
              <Link href="/admin/users" className="mt-2 inline-block text-primary hover:underline">{t('clearSearch')}</Link>
            </>
          ) : (
            t('empty')
          )}
        </div>
      ) : (
        <UsersTable users={users} currentUserId={admin.id} />
      )}
      {(page > 1 || rows.length > PAGE) && (
        <nav className="flex items-center justify-between text-sm" aria-label={t('title')}>
          <span className="text-muted-foreground">{t('pageOf', { from: (page - 1) * PAGE + 1, to: (page - 1) * PAGE + users.length })}</span>
          <div className="flex gap-2">
            {page > 1 && (
              <Button variant="outline" size="sm" asChild>
                <Link href={href(page - 1)}>{t('previous')}</Link>
              </Button>
            )}
            {rows.length > PAGE && (
              <Button variant="outline" size="sm" asChild>
                <Link href={href(page + 1)}>{t('next')}</Link>
              </Button>
            )}
          </div>
        </nav>
      )}
    </div>
  );
}
