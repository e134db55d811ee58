'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Limits } from '@/db/admin-users';
import { Field, FormError, inputClass } from './dialog';
import { useAdminRequest } from '../request';

const KEYS = ['dailyQuestions', 'dailyQueries', 'dailyTokens'] as const;
const MAX = 2_147_483_647;

/** The user's daily limits, each beside what they used today; empty means no limit. */
export function LimitsForm({ userId, limits, usedToday }: { userId: string; limits: Limits; usedToday: Record<(typeof KEYS)[number], number> }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const request = useAdminRequest('admin');
  const [values, setValues] = useState(() => Object.fromEntries(KEYS.map((k) => [k, limits[k] === null ? '' : String(limits[k])])) as Record<(typeof KEYS)[number], string>);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed: Limits = { dailyQuestions: null, dailyQueries: null, dailyTokens: null };
    for (const key of KEYS) {
      const text = values[key].trim();
      if (text === '') continue;
      if (!/^\d+$/.test(text) || Number(text) > MAX) return setError(t('limits.invalid'));
      parsed[key] = Number(text);
    }
    setPending(true);
    setError(undefined);
    const outcome = await request(`/api/admin/users/${userId}/limits`, 'PUT', parsed);
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setSaved(true);
    router.refresh();
  };

  return (
    <section aria-labelledby="limits-heading" className="space-y-3 rounded-lg border border-border p-4">
      <div>
        <h2 id="limits-heading" className="font-medium">{t('limits.title')}</h2>
        <p className="text-sm text-muted-foreground">{t('limits.body')}</p>
      </div>
      <form onSubmit={save} className="space-y-3" noValidate>
        <div className="grid gap-3 sm:grid-cols-3">
          {KEYS.map((key) => (
            <Field key={key} label={t(`limits.${key}`)} hint={t('limits.usedToday', { used: usedToday[key] })}>
              <input
                inputMode="numeric"
                value={values[key]}
                placeholder={t('limits.unlimited')}
                onChange={(e) => (setSaved(false), setValues((v) => ({ ...v, [key]: e.target.value })))}
                className={`${inputClass} tabular-nums`}
                aria-describedby={error ? 'limits-error' : undefined}
                data-testid={`limit-${key}`}
              />
            </Field>
          ))}
        </div>
        <div id="limits-error">
          <FormError error={error} />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending && <Loader2 className="animate-spin" />} {t('save')}
          </Button>
          <span aria-live="polite" className="text-sm text-emerald-700 dark:text-emerald-400">{saved ? t('limits.saved') : ''}</span>
        </div>
      </form>
    </section>
  );
}
