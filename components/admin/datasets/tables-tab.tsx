'use client';

import { ChevronDown, ChevronRight, Loader2, RefreshCw, Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormError } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import type { CatalogDiff } from '@/lib/datasets/catalog-diff';
import type { TableChoice } from '@/lib/datasets/service';
import { LoadState } from './load-state';
import { useAdminRequest } from '../request';
import { useLoad } from './use-load';

function SchemaCheckbox({ checked, indeterminate, label, onChange }: { checked: boolean; indeterminate: boolean; label: string; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" checked={checked} aria-label={label} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-[var(--primary)]" />;
}

type Refreshed = { diff: CatalogDiff; baseline: boolean; tables: number };

function DiffView({ refreshed: { diff, baseline, tables } }: { refreshed: Refreshed }) {
  const t = useTranslations('datasets.tables');
  const groups = (['addedTables', 'removedTables', 'addedColumns', 'removedColumns'] as const).filter((k) => diff[k].length);
  if (baseline) return <p role="status" className="text-sm text-muted-foreground" data-testid="refresh-result">{t('baseline', { count: tables })}</p>;
  if (groups.length === 0) return <p role="status" className="text-sm text-muted-foreground" data-testid="refresh-result">{t('unchanged')}</p>;
  return (
    <div role="status" className="space-y-2 rounded-md border border-border p-3 text-sm" data-testid="refresh-result">
      <p className="font-medium">{t('changes')}</p>
      {groups.map((k) => (
        <div key={k}>
          <p className={k.startsWith('added') ? 'text-emerald-700 dark:text-emerald-400' : 'text-destructive'}>{t(k)}</p>
          <ul className="pl-4 font-mono text-xs">
            {diff[k].map((item) => (
              <li key={item}>
                {k.startsWith('added') ? '+ ' : '− '}
                {item}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A tree of schemas and tables with checkboxes and search; Refresh shows what changed in the warehouse. */
export function TablesTab({ datasetId }: { datasetId: string }) {
  const t = useTranslations('datasets');
  const router = useRouter();
  const request = useAdminRequest('datasets');
  const { data, error: loadError, reload } = useLoad<{ tables: TableChoice[]; chosen: string[] }>(`/api/admin/datasets/${datasetId}/tables`);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<'save' | 'refresh'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [refreshed, setRefreshed] = useState<Refreshed>();

  useEffect(() => {
    if (data) setChosen(new Set(data.chosen));
  }, [data]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (data?.tables ?? []).filter((tb) => !q || tb.id.toLowerCase().includes(q) || (tb.comment ?? '').toLowerCase().includes(q));
  }, [data, search]);
  const bySchema = useMemo(() => {
    const groups = new Map<string, TableChoice[]>();
    for (const tb of shown) groups.set(tb.schema, [...(groups.get(tb.schema) ?? []), tb]);
    return [...groups.entries()];
  }, [shown]);

  if (!data) return <LoadState error={loadError} onRetry={() => void reload()} />;

  const set = (ids: string[], on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const toggleCollapsed = (schema: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(schema)) next.delete(schema);
      else next.add(schema);
      return next;
    });

  const save = async () => {
    if (chosen.size === 0) return setError(t('tables.nothingChosen'));
    setPending('save');
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(`/api/admin/datasets/${datasetId}/tables`, 'PUT', { tables: [...chosen] });
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setNotice(t('saved'));
    router.refresh();
  };

  const refresh = async () => {
    setPending('refresh');
    setError(undefined);
    const outcome = await request<Refreshed>(`/api/admin/datasets/${datasetId}/refresh`, 'POST');
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setRefreshed(outcome.data);
    await reload();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex min-w-64 flex-1 items-center gap-2 rounded-md border border-border bg-card px-2.5 focus-within:ring-2 focus-within:ring-ring">
          <Search className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('tables.search')}</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('tables.search')} className="h-9 w-full bg-transparent text-sm outline-none" data-testid="table-search" />
        </label>
        <Button variant="outline" size="sm" onClick={() => set(shown.map((tb) => tb.id), true)}>
          {t('tables.all')}
        </Button>
        <Button variant="outline" size="sm" onClick={() => set(shown.map((tb) => tb.id), false)}>
          {t('tables.none')}
        </Button>
        <Button variant="outline" size="sm" disabled={pending !== undefined} onClick={() => void refresh()}>
          {pending === 'refresh' ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />} {pending === 'refresh' ? t('tables.refreshing') : t('tables.refresh')}
        </Button>
      </div>
      {refreshed && <DiffView refreshed={refreshed} />}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t('tables.chosen', { chosen: chosen.size, total: data.tables.length })}
      </p>
      {data.tables.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">{t('tables.noTables')}</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('tables.noMatches', { search })}</p>
      ) : (
        <ul className="max-h-[60vh] space-y-2 overflow-y-auto rounded-lg border border-border p-2">
          {bySchema.map(([schema, tables]) => {
            const count = tables.filter((tb) => chosen.has(tb.id)).length;
            const open = !collapsed.has(schema);
            return (
              <li key={schema}>
                <div className="flex items-center gap-2 rounded px-1 py-1 hover:bg-muted/50">
                  <button type="button" aria-expanded={open} onClick={() => toggleCollapsed(schema)} className="rounded p-0.5 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" aria-label={t(open ? 'tables.collapse' : 'tables.expand', { schema })}>
                    {open ? <ChevronDown className="size-4" aria-hidden /> : <ChevronRight className="size-4" aria-hidden />}
                  </button>
                  <SchemaCheckbox checked={count === tables.length} indeterminate={count > 0 && count < tables.length} label={schema} onChange={(on) => set(tables.map((tb) => tb.id), on)} />
                  <span className="font-medium">{schema}</span>
                  <span className="text-xs text-muted-foreground">
                    {count}/{tables.length}
                  </span>
                </div>
                {open && (
                  <ul className="ml-8 divide-y divide-border/50">
                    {tables.map((tb) => (
                      <li key={tb.id}>
                        <label className="flex cursor-pointer items-start gap-2 px-1 py-1 text-sm hover:bg-muted/50">
                          <input type="checkbox" checked={chosen.has(tb.id)} onChange={(e) => set([tb.id], e.target.checked)} className="mt-0.5 size-4 accent-[var(--primary)]" data-testid={`table-${tb.id}`} />
                          <span className="min-w-0 flex-1">
                            <span className="font-mono">{tb.name}</span>
                            <span className="ml-2 text-xs text-muted-foreground">
                              {t('tables.columns', { count: tb.columns })}
                              {tb.rowEstimate > 0 && ` · ${t('tables.rows', { count: tb.rowEstimate })}`}
                            </span>
                            {tb.comment && <span className="block truncate text-xs text-muted-foreground">{tb.comment}</span>}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex items-center gap-2">
        <Button onClick={() => void save()} disabled={pending !== undefined} data-testid="save-tables">
          {pending === 'save' && <Loader2 className="animate-spin" aria-hidden />} {t('save')}
        </Button>
        {notice && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {notice}
          </p>
        )}
      </div>
      <FormError error={error} />
    </div>
  );
}
