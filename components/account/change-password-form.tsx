'use client';

import { Loader2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/client';

const field = 'h-10 w-full rounded-md border border-border bg-card px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring';
const MIN_PASSWORD = 10;

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const [state, setState] = useState<{ kind: 'idle' | 'pending' | 'done' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const formElement = e.currentTarget;
        const form = new FormData(formElement);
        const newPassword = String(form.get('new'));
        if (newPassword.length < MIN_PASSWORD) return setState({ kind: 'error', message: t('tooShort', { min: MIN_PASSWORD }) });
        if (newPassword !== String(form.get('confirm'))) return setState({ kind: 'error', message: t('mismatch') });
        setState({ kind: 'pending' });
        const { error } = await authClient.changePassword({
          currentPassword: String(form.get('current')),
          newPassword,
          revokeOtherSessions: form.get('revoke') === 'on',
        });
        if (error) return setState({ kind: 'error', message: error.status === 429 ? t('tooMany') : error.code === 'INVALID_PASSWORD' ? t('wrongCurrent') : t('failed') });
        formElement.reset();
        setState({ kind: 'done' });
      }}
    >
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('current')}</span>
        <input name="current" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('new')}</span>
        <input name="new" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} className={field} />
      </label>
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('confirm')}</span>
        <input name="confirm" type="password" autoComplete="new-password" required className={field} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input name="revoke" type="checkbox" defaultChecked className="size-4" />
        {t('revokeOthers')}
      </label>
      {state.kind === 'error' && (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t('changed')}
        </p>
      )}
      <Button type="submit" disabled={state.kind === 'pending'}>
        {state.kind === 'pending' && <Loader2 className="animate-spin" aria-hidden />} {t('submit')}
      </Button>
    </form>
  );
}
