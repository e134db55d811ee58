'use client';

import { Loader2, UserPlus } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, Field, FormError, inputClass } from './dialog';
import { useAdminRequest } from '../request';

type Created = { user: { id: string; email: string }; password?: string };

export function CreateUserDialog() {
  const t = useTranslations('admin');
  const router = useRouter();
  const request = useAdminRequest('admin');
  const [open, setOpen] = useState(false);
  const [generate, setGenerate] = useState(true);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<Created>();

  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setError(undefined);
      setCreated(undefined);
      setGenerate(true);
    }
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setError(t('errors.invalidEmail'));
    if (!name) return setError(t('errors.nameRequired'));
    if (!generate && password.length < 10) return setError(t('errors.passwordShort'));
    if (!generate && password.length > 128) return setError(t('errors.passwordLong'));
    setPending(true);
    setError(undefined);
    const outcome = await request<Created>('/api/admin/users', 'POST', { email, name, role: form.get('role'), ...(!generate && { password }) }, { conflict: 'emailTaken' });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setCreated(outcome.data);
    router.refresh();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="create-user">
        <UserPlus /> {t('create.button')}
      </Button>
      <Dialog open={open} onOpenChange={reset} title={created ? t('create.created', { email: created.user.email }) : t('create.title')} description={created ? undefined : t('create.body')}>
        {created ? (
          <div className="space-y-4">
            {created.password && (
              <div className="space-y-2 rounded-md border border-border bg-muted/40 p-3">
                <p className="text-sm font-medium">{t('create.generatedTitle')}</p>
                <p className="text-xs text-muted-foreground">{t('create.generatedBody', { email: created.user.email })}</p>
                <div className="flex items-center gap-2">
                  <code className="flex-1 rounded bg-background px-2 py-1 font-mono text-sm select-all" data-testid="generated-password">
                    {created.password}
                  </code>
                  <CopyButton text={created.password} label={t('copy')} copiedLabel={t('copied')} />
                </div>
              </div>
            )}
            <div className="flex justify-end gap-2">
              <Button variant="outline" onClick={() => reset(false)}>
                {t('close')}
              </Button>
              <Button asChild>
                <Link href={`/admin/users/${created.user.id}`}>{t('create.manage')}</Link>
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-3" noValidate>
            <Field label={t('create.email')}>
              <input name="email" type="email" autoComplete="off" required maxLength={254} className={inputClass} autoFocus />
            </Field>
            <Field label={t('create.name')}>
              <input name="name" required maxLength={100} className={inputClass} />
            </Field>
            <Field label={t('create.role')}>
              <select name="role" defaultValue="analyst" className={inputClass}>
                <option value="analyst">{t('role.analyst')}</option>
                <option value="admin">{t('role.admin')}</option>
              </select>
            </Field>
            <fieldset className="space-y-1.5 text-sm">
              <legend className="mb-1 font-medium">{t('create.passwordMode')}</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" checked={generate} onChange={() => setGenerate(true)} /> {t('create.generate')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" checked={!generate} onChange={() => setGenerate(false)} /> {t('create.choose')}
              </label>
            </fieldset>
            {!generate && (
              <Field label={t('create.password')}>
                <input name="password" type="password" autoComplete="new-password" minLength={10} maxLength={128} className={inputClass} />
              </Field>
            )}
            <FormError error={error} />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={() => reset(false)}>
                {t('cancel')}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending && <Loader2 className="animate-spin" />} {t('create.submit')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
