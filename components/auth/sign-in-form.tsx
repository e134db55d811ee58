'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/client';

const field = 'h-10 w-full rounded-md border border-border bg-card px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring';

/** `next`: where to go once signed in, a path on this site. */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(undefined);
        const { error } = await authClient.signIn.email({ email: String(form.get('email')), password: String(form.get('password')) });
        setPending(false);
        // One message for every failure: it must not reveal whether the account exists.
        if (error) return setError(error.status === 429 ? t('tooMany') : t('failed'));
        router.push(next);
        router.refresh();
      }}
    >
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('email')}</span>
        <input name="email" type="email" autoComplete="username" required autoFocus className={field} />
      </label>
      <label className="block space-y-1.5 text-sm">
        <span className="font-medium">{t('password')}</span>
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending && <Loader2 className="animate-spin" aria-hidden />} {t('signIn')}
      </Button>
    </form>
  );
}
