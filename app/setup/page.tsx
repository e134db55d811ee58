import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SetupForm } from '@/components/auth/setup-form';
import { countUsers } from '@/db/queries';

export const dynamic = 'force-dynamic';

/** One-time: only while no account exists. */
export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect('/sign-in');
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t('setup.title')}</h1>
          <p className="text-sm text-muted-foreground">{t('setup.body')}</p>
        </div>
        <SetupForm />
      </div>
    </main>
  );
}
