'use client';

import { Loader2, Plus, Search, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { FormError, inputClass } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import type { ExampleQuery, GlossaryTerm } from '@/db/schema';
import type { AdminDataset } from '@/lib/datasets/service';
import type { Catalog } from '@/lib/warehouse/catalog';
import { LoadState } from './load-state';
import { useAdminRequest } from '../request';
import { useLoad } from './use-load';

const TEXT_TYPE = /^(text|character varying|varchar|character|char|citext|name)\b/;

function Rows<T>({ items, onChange, blank, render, addLabel, removeLabel }: {
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  render: (item: T, update: (item: T) => void, index: number) => React.ReactNode;
  addLabel: string;
  removeLabel: string;
}) {
  return (
    <div className="space-y-2">
      {items.map((item, i) => (
        <div key={i} className="flex items-start gap-2 rounded-md border border-border p-2">
          <div className="grid min-w-0 flex-1 gap-2">{render(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))), i)}</div>
          <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`${removeLabel} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            <X />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...items, blank])}>
        <Plus aria-hidden /> {addLabel}
      </Button>
    </div>
  );
}

function Notice({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
      {text}
    </p>
  );
}

/** Descriptions (prefilled from COMMENT ON), sampled values, glossary, examples and starter questions. */
export function DescribeTab({ dataset }: { dataset: AdminDataset }) {
  const t = useTranslations('datasets');
  const router = useRouter();
  const request = useAdminRequest('datasets');
  const { data, error: loadError, reload } = useLoad<{ catalog: Catalog }>(`/api/admin/datasets/${dataset.id}/describe`);
  const [descriptions, setDescriptions] = useState<Record<string, string>>({});
  const [sampled, setSampled] = useState<Set<string>>(new Set(Object.keys(dataset.sampledValues)));
  const [values, setValues] = useState(dataset.sampledValues);
  const [glossary, setGlossary] = useState<GlossaryTerm[]>(dataset.glossary);
  const [examples, setExamples] = useState<ExampleQuery[]>(dataset.examples);
  const [starters, setStarters] = useState<string[]>(dataset.starterQuestions);
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState<'save' | 'sample'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<{ at: 'save' | 'sample'; text: string }>();

  useEffect(() => {
    if (!data) return;
    const prefilled: Record<string, string> = {};
    for (const table of data.catalog.tables) {
      prefilled[table.id] = dataset.descriptions[table.id] ?? table.comment ?? '';
      for (const c of table.columns) prefilled[`${table.id}.${c.name}`] = dataset.descriptions[`${table.id}.${c.name}`] ?? c.comment ?? '';
    }
    setDescriptions(prefilled);
  }, [data, dataset.descriptions]);

  const tables = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (data?.catalog.tables ?? []).filter((tb) => !q || tb.id.toLowerCase().includes(q) || tb.columns.some((c) => c.name.toLowerCase().includes(q)));
  }, [data, search]);

  if (!data) return <LoadState error={loadError} onRetry={() => void reload()} />;

  const save = async () => {
    setPending('save');
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(`/api/admin/datasets/${dataset.id}/describe`, 'PUT', {
      descriptions: Object.fromEntries(Object.entries(descriptions).filter(([, v]) => v.trim())),
      glossary: glossary.map((g) => ({ term: g.term, meaning: g.meaning, ...(g.sql?.trim() && { sql: g.sql }) })),
      examples,
      starterQuestions: starters.filter((s) => s.trim()),
    });
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setNotice({ at: 'save', text: t('saved') });
    router.refresh();
  };

  const sample = async () => {
    setPending('sample');
    setError(undefined);
    setNotice(undefined);
    const outcome = await request<{ dataset: AdminDataset }>(`/api/admin/datasets/${dataset.id}/samples`, 'PUT', { columns: [...sampled] });
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setValues(outcome.data.dataset.sampledValues);
    setNotice({ at: 'sample', text: t('saved') });
  };

  const toggleSample = (key: string, on: boolean) =>
    setSampled((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <p className="text-sm text-muted-foreground">{t('describe.intro')}</p>
        <p className="text-xs text-muted-foreground">{t('describe.sampleHint')}</p>
        <label className="flex max-w-md items-center gap-2 rounded-md border border-border bg-card px-2.5 focus-within:ring-2 focus-within:ring-ring">
          <Search className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('describe.search')}</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('describe.search')} className="h-9 w-full bg-transparent text-sm outline-none" />
        </label>
        <div className="max-h-[60vh] space-y-2 overflow-y-auto">
          {tables.map((table) => (
            <details key={table.id} className="rounded-md border border-border" open={tables.length <= 3}>
              <summary className="cursor-pointer px-3 py-2 font-mono text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">{table.id}</summary>
              <div className="space-y-3 border-t border-border p-3">
                <textarea
                  aria-label={t('describe.tableDescription', { table: table.id })}
                  className={`${inputClass} h-16 py-2`}
                  value={descriptions[table.id] ?? ''}
                  maxLength={2000}
                  onChange={(e) => setDescriptions((d) => ({ ...d, [table.id]: e.target.value }))}
                />
                {table.columns.length === 0 && <p className="text-sm text-muted-foreground">{t('describe.noColumns')}</p>}
                <ul className="space-y-2">
                  {table.columns.map((c) => {
                    const key = `${table.id}.${c.name}`;
                    return (
                      <li key={key} className="grid gap-1 sm:grid-cols-[12rem_1fr] sm:items-start sm:gap-3">
                        <span className="pt-2 text-sm">
                          <span className="font-mono">{c.name}</span> <span className="text-xs text-muted-foreground">{c.type}</span>
                        </span>
                        <div className="space-y-1">
                          <input
                            aria-label={t('describe.columnDescription', { column: key })}
                            className={inputClass}
                            value={descriptions[key] ?? ''}
                            maxLength={2000}
                            onChange={(e) => setDescriptions((d) => ({ ...d, [key]: e.target.value }))}
                          />
                          {TEXT_TYPE.test(c.type) && (
                            <label className="flex items-center gap-2 text-xs text-muted-foreground">
                              <input type="checkbox" checked={sampled.has(key)} onChange={(e) => toggleSample(key, e.target.checked)} className="size-3.5 accent-[var(--primary)]" />
                              {t('describe.sample')}
                              {values[key] && <span className="truncate">({t('describe.sampled', { count: values[key].length })}: {values[key].slice(0, 8).join(', ')}{values[key].length > 8 ? ', …' : ''})</span>}
                            </label>
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </details>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <Button variant="outline" disabled={pending !== undefined} onClick={() => void sample()}>
            {pending === 'sample' && <Loader2 className="animate-spin" aria-hidden />} {t('describe.sampleSave')}
          </Button>
          {notice?.at === 'sample' && <Notice text={notice.text} />}
        </div>
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">{t('describe.glossary')}</h2>
        <p className="text-sm text-muted-foreground">{t('describe.glossaryHint')}</p>
        <Rows
          items={glossary}
          onChange={setGlossary}
          blank={{ term: '', meaning: '', sql: '' }}
          addLabel={t('describe.addTerm')}
          removeLabel={t('remove')}
          render={(g, update) => (
            <>
              <input aria-label={t('describe.term')} placeholder={t('describe.term')} className={inputClass} value={g.term} maxLength={100} onChange={(e) => update({ ...g, term: e.target.value })} />
              <input aria-label={t('describe.meaning')} placeholder={t('describe.meaning')} className={inputClass} value={g.meaning} maxLength={1000} onChange={(e) => update({ ...g, meaning: e.target.value })} />
              <input aria-label={t('describe.sql')} placeholder={t('describe.sql')} className={`${inputClass} font-mono`} value={g.sql ?? ''} maxLength={2000} onChange={(e) => update({ ...g, sql: e.target.value })} />
            </>
          )}
        />
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">{t('describe.examples')}</h2>
        <p className="text-sm text-muted-foreground">{t('describe.examplesHint')}</p>
        <Rows
          items={examples}
          onChange={setExamples}
          blank={{ question: '', sql: '' }}
          addLabel={t('describe.addExample')}
          removeLabel={t('remove')}
          render={(ex, update) => (
            <>
              <input aria-label={t('describe.question')} placeholder={t('describe.question')} className={inputClass} value={ex.question} maxLength={500} onChange={(e) => update({ ...ex, question: e.target.value })} />
              <textarea aria-label={t('describe.exampleSql')} placeholder="SELECT …" className={`${inputClass} h-20 py-2 font-mono`} value={ex.sql} maxLength={20000} onChange={(e) => update({ ...ex, sql: e.target.value })} />
            </>
          )}
        />
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">{t('describe.starters')}</h2>
        <p className="text-sm text-muted-foreground">{t('describe.startersHint')}</p>
        <Rows
          items={starters}
          onChange={(items) => setStarters(items.slice(0, 10))}
          blank=""
          addLabel={t('describe.addStarter')}
          removeLabel={t('remove')}
          render={(q, update) => <input aria-label={t('describe.question')} className={inputClass} value={q} maxLength={200} onChange={(e) => update(e.target.value)} />}
        />
      </section>

      <div className="flex items-center gap-2">
        <Button disabled={pending !== undefined} onClick={() => void save()} data-testid="save-describe">
          {pending === 'save' && <Loader2 className="animate-spin" aria-hidden />} {pending === 'save' ? t('saving') : t('describe.saveAll')}
        </Button>
        {notice?.at === 'save' && <Notice text={notice.text} />}
      </div>
      <FormError error={error} />
    </div>
  );
}
