'use client';

import { Loader2, Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { FormError } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import { LoadState } from './load-state';
import { useAdminRequest } from '../request';
import { useLoad } from './use-load';

type Analyst = { id: string; name: string; email: string; granted: boolean };

/** Which analysts may use the dataset (admins always may). */
export function AccessTab({ datasetId }: { datasetId: string }) {
  const t = useTranslations('datasets');
  const request = useAdminRequest('datasets');
  const url = `/api/admin/datasets/${datasetId}/grants`;
  const { data, setData, error: loadError, reload } = useLoad<{ users: Analyst[] }>(url);
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (data) setGranted(new Set(data.users.filter((u) => u.granted).map((u) => u.id)));
  }, [data]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (data?.users ?? []).filter((u) => !q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q));
  }, [data, search]);

  if (!data) return <LoadState error={loadError} onRetry={() => void reload()} />;

  const toggle = (id: string, on: boolean) =>
    setGranted((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = async () => {
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    const outcome = await request<{ users: Analyst[] }>(url, 'PUT', { userIds: [...granted] });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setData(outcome.data);
    setNotice(t('saved'));
  };

  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm text-muted-foreground">{t('access.intro')}</p>
      {data.users.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">{t('access.none')}</p>
      ) : (
        <>
          <label className="flex items-center gap-2 rounded-md border border-border bg-card px-2.5 focus-within:ring-2 focus-within:ring-ring">
            <Search className="size-4 text-muted-foreground" aria-hidden />
            <span className="sr-only">{t('access.search')}</span>
            <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('access.search')} className="h-9 w-full bg-transparent text-sm outline-none" />
          </label>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('access.granted', { count: granted.size })}
          </p>
          {shown.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('access.noMatches', { search })}</p>
          ) : (
            <ul className="max-h-[50vh] divide-y divide-border overflow-y-auto rounded-lg border border-border">
              {shown.map((u) => (
                <li key={u.id}>
                  <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-muted/50">
                    <input type="checkbox" checked={granted.has(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} className="size-4 accent-[var(--primary)]" data-testid={`grant-${u.email}`} />
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{u.name}</span> <span className="text-muted-foreground">{u.email}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="flex items-center gap-2">
            <Button onClick={() => void save()} disabled={pending} data-testid="save-grants">
              {pending && <Loader2 className="animate-spin" aria-hidden />} {t('save')}
            </Button>
            {notice && (
              <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                {notice}
              </p>
            )}
          </div>
        </>
      )}
      <FormError error={error} />
    </div>
  );
}
