'use client';

import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from './dialog';
import { useAdminRequest } from '../request';

type DatasetGrant = { id: string; name: string; enabled: boolean; granted: boolean };

/** Checkboxes of every dataset; saving replaces the user's grants with the checked ones. */
export function GrantsForm({ userId, datasets, isAdmin }: { userId: string; datasets: DatasetGrant[]; isAdmin: boolean }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const request = useAdminRequest('admin');
  const initial = new Set(datasets.filter((d) => d.granted).map((d) => d.id));
  const [checked, setChecked] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const dirty = checked.size !== initial.size || [...checked].some((id) => !initial.has(id));

  const toggle = (id: string, on: boolean) => {
    setSaved(false);
    setChecked((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const outcome = await request(`/api/admin/users/${userId}/grants`, 'PUT', { datasetIds: [...checked] });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setSaved(true);
    router.refresh();
  };

  return (
    <section aria-labelledby="grants-heading" className="space-y-3 rounded-lg border border-border p-4">
      <div>
        <h2 id="grants-heading" className="font-medium">{t('grants.title')}</h2>
        <p className="text-sm text-muted-foreground">{t(isAdmin ? 'grants.adminNote' : 'grants.body')}</p>
      </div>
      {datasets.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {t('grants.none')}{' '}
          <Link href="/admin/datasets" className="text-primary hover:underline">{t('nav.datasets')}</Link>
        </p>
      ) : (
        <form onSubmit={save} className="space-y-3">
          <fieldset>
            <legend className="sr-only">{t('grants.title')}</legend>
            <ul className="max-h-72 space-y-1 overflow-y-auto">
              {datasets.map((d) => (
                <li key={d.id}>
                  <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-muted/50">
                    <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={checked.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                    <span>{d.name}</span>
                    {!d.enabled && <span className="text-xs text-muted-foreground">({t('grants.disabledDataset')})</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" disabled={pending || !dirty}>
              {pending && <Loader2 className="animate-spin" />} {t('save')}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => (setSaved(false), setChecked(new Set(datasets.map((d) => d.id))))}>
              {t('grants.all')}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => (setSaved(false), setChecked(new Set()))}>
              {t('grants.clear')}
            </Button>
            <span className="ml-auto text-xs text-muted-foreground">{t('grants.count', { granted: checked.size, total: datasets.length })}</span>
          </div>
          <FormError error={error} />
          <p aria-live="polite" className="text-sm text-emerald-700 dark:text-emerald-400">{saved && !dirty ? t('grants.saved') : ''}</p>
        </form>
      )}
    </section>
  );
}
