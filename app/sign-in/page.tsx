import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { countUsers } from '@/db/queries';
import { getUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await getUser(await headers())) redirect('/');
  if ((await countUsers()) === 0) redirect('/setup');
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t('app.name')}</h1>
          <p className="text-sm text-muted-foreground">{t('auth.title')}</p>
        </div>
        <SignInForm />
      </div>
    </main>
  );
}
