'use client';

import { Loader2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createFirstAdmin } from '@/app/setup/actions';
import { Button } from '@/components/ui/button';

const field = 'h-10 w-full rounded-md border border-border bg-card px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring';

export function SetupForm() {
  const t = useTranslations('setup');
  const [state, action, pending] = useActionState(createFirstAdmin, {});
  return (
    <form action={action} className="space-y-4">
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('name')}</span>
        <input name="name" required maxLength={100} autoFocus className={field} />
      </label>
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('email')}</span>
        <input name="email" type="email" required autoComplete="username" className={field} />
      </label>
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('password')}</span>
        <input name="password" type="password" required minLength={10} autoComplete="new-password" className={field} />
      </label>
      {state.error && (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending && <Loader2 className="animate-spin" aria-hidden />} {t('create')}
      </Button>
    </form>
  );
}
