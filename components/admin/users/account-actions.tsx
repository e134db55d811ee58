'use client';

import { KeyRound, Loader2, ShieldCheck, Trash2, UserCheck, UserX } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, Field, FormError, inputClass } from './dialog';
import { useAdminRequest } from '../request';

type Role = 'admin' | 'analyst';
type Props = { user: { id: string; email: string; role: Role; disabled: boolean }; isSelf: boolean };
type Open = 'demote' | 'disable' | 'password' | 'delete' | undefined;

/** Role, disable/enable, password reset and delete for one user; destructive ones ask first. */
export function AccountActions({ user, isSelf }: Props) {
  const t = useTranslations('admin');
  const router = useRouter();
  const request = useAdminRequest('admin');
  const [role, setRole] = useState<Role>(user.role);
  const [open, setOpen] = useState<Open>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const run = async (method: string, url: string, body: unknown, done: (data: unknown) => void) => {
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(url, method, body, { conflict: 'lastAdmin' });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    done(outcome.data);
  };

  const changeRole = () =>
    run('PATCH', `/api/admin/users/${user.id}`, { role }, () => {
      setOpen(undefined);
      if (isSelf && role !== 'admin') return router.push('/');
      setNotice(t('user.roleChanged', { role: t(`role.${role}`) }));
      router.refresh();
    });

  const setDisabled = (disabled: boolean) =>
    run('PATCH', `/api/admin/users/${user.id}`, { disabled }, () => {
      setOpen(undefined);
      if (isSelf && disabled) return router.push('/sign-in');
      setNotice(t(disabled ? 'user.disabledNotice' : 'user.enabled'));
      router.refresh();
    });

  const remove = () =>
    run('DELETE', `/api/admin/users/${user.id}`, undefined, () => {
      router.push(isSelf ? '/sign-in' : '/admin/users');
      router.refresh();
    });

  return (
    <section aria-labelledby="account-heading" className="space-y-4 rounded-lg border border-border p-4">
      <h2 id="account-heading" className="font-medium">{t('user.account')}</h2>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('user.roleLabel')}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} className={`${inputClass} w-40`} data-testid="role-select">
            <option value="analyst">{t('role.analyst')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </Field>
        <Button variant="outline" disabled={pending || role === user.role} onClick={() => (isSelf && role !== 'admin' ? setOpen('demote') : void changeRole())}>
          <ShieldCheck /> {t('user.changeRole')}
        </Button>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={pending} onClick={() => setOpen('password')}>
          <KeyRound /> {t('user.resetPassword')}
        </Button>
        {user.disabled ? (
          <Button variant="outline" disabled={pending} onClick={() => void setDisabled(false)}>
            <UserCheck /> {t('user.enable')}
          </Button>
        ) : (
          <Button variant="outline" disabled={pending} onClick={() => setOpen('disable')}>
            <UserX /> {t('user.disable')}
          </Button>
        )}
        <Button variant="outline" className="text-destructive" disabled={pending} onClick={() => setOpen('delete')}>
          <Trash2 /> {t('user.delete')}
        </Button>
      </div>
      {!open && <FormError error={error} />}
      <p aria-live="polite" className="text-sm text-emerald-700 dark:text-emerald-400">{notice}</p>

      <Confirm
        open={open === 'demote'}
        onOpenChange={(o) => setOpen(o ? 'demote' : undefined)}
        title={t('user.demoteSelfTitle')}
        description={t('user.demoteSelfBody')}
        action={t('user.demoteSelf')}
        pending={pending}
        error={error}
        onConfirm={changeRole}
      />
      <Confirm
        open={open === 'disable'}
        onOpenChange={(o) => setOpen(o ? 'disable' : undefined)}
        title={t('user.disableTitle', { email: user.email })}
        description={t(isSelf ? 'user.disableSelfBody' : 'user.disableBody')}
        action={t('user.disable')}
        pending={pending}
        error={error}
        onConfirm={() => setDisabled(true)}
      />
      <DeleteDialog open={open === 'delete'} onOpenChange={(o) => setOpen(o ? 'delete' : undefined)} email={user.email} pending={pending} error={error} onConfirm={remove} />
      <PasswordDialog open={open === 'password'} onOpenChange={(o) => (setOpen(o ? 'password' : undefined), setError(undefined))} userId={user.id} email={user.email} isSelf={isSelf} />
    </section>
  );
}

type ConfirmProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  action: string;
  pending: boolean;
  error: string | undefined;
  onConfirm: () => void;
};

function Confirm({ open, onOpenChange, title, description, action, pending, error, onConfirm }: ConfirmProps) {
  const t = useTranslations('admin');
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <FormError error={error} />
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={() => onOpenChange(false)} autoFocus>
          {t('cancel')}
        </Button>
        <Button variant="destructive" disabled={pending} onClick={onConfirm}>
          {pending && <Loader2 className="animate-spin" />} {action}
        </Button>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ email, ...props }: Omit<ConfirmProps, 'title' | 'description' | 'action'> & { email: string }) {
  const t = useTranslations('admin');
  const [typed, setTyped] = useState('');
  return (
    <Dialog open={props.open} onOpenChange={(o) => (props.onOpenChange(o), setTyped(''))} title={t('user.deleteTitle', { email })} description={t('user.deleteBody')}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim().toLowerCase() === email.toLowerCase()) props.onConfirm();
        }}
      >
        <Field label={t('user.deleteConfirmLabel')}>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={email} autoComplete="off" className={inputClass} autoFocus />
        </Field>
        <FormError error={props.error} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={() => props.onOpenChange(false)}>
            {t('cancel')}
          </Button>
          <Button type="submit" variant="destructive" disabled={props.pending || typed.trim().toLowerCase() !== email.toLowerCase()}>
            {props.pending && <Loader2 className="animate-spin" />} {t('user.delete')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({ open, onOpenChange, userId, email, isSelf }: { open: boolean; onOpenChange: (open: boolean) => void; userId: string; email: string; isSelf: boolean }) {
  const t = useTranslations('admin');
  const request = useAdminRequest('admin');
  const [generate, setGenerate] = useState(true);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{ password?: string }>();

  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) (setPassword(''), setResult(undefined), setError(undefined), setGenerate(true));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!generate && password.length < 10) return setError(t('errors.passwordShort'));
    if (!generate && password.length > 128) return setError(t('errors.passwordLong'));
    setPending(true);
    setError(undefined);
    const outcome = await request<{ password?: string }>(`/api/admin/users/${userId}/password`, 'POST', generate ? {} : { password });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setResult(outcome.data);
    setPassword('');
  };

  return (
    <Dialog open={open} onOpenChange={close} title={t('user.resetTitle', { email })} description={t(isSelf ? 'user.resetSelfBody' : 'user.resetBody')}>
      {result ? (
        <div className="space-y-3">
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{t('user.resetDone')}</p>
          {result.password && (
            <div className="space-y-2 rounded-md border border-border bg-muted/40 p-3">
              <p className="text-sm font-medium">{t('create.generatedTitle')}</p>
              <p className="text-xs text-muted-foreground">{t('create.generatedBody', { email })}</p>
              <div className="flex items-center gap-2">
                <code className="flex-1 rounded bg-background px-2 py-1 font-mono text-sm select-all">{result.password}</code>
                <CopyButton text={result.password} label={t('copy')} copiedLabel={t('copied')} />
              </div>
            </div>
          )}
          <div className="flex justify-end">
            <Button onClick={() => close(false)}>{t('close')}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <fieldset className="space-y-1.5 text-sm">
            <legend className="sr-only">{t('create.passwordMode')}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="reset-mode" checked={generate} onChange={() => setGenerate(true)} /> {t('create.generate')}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="reset-mode" checked={!generate} onChange={() => setGenerate(false)} /> {t('create.choose')}
            </label>
          </fieldset>
          {!generate && (
            <Field label={t('create.password')}>
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" maxLength={128} className={inputClass} autoFocus />
            </Field>
          )}
          <FormError error={error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => close(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending && <Loader2 className="animate-spin" />} {t('user.resetPassword')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
