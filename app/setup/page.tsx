import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { SetupForm } from '@/components/auth/setup-form';
import { countUsers } from '@/db/queries';

export const dynamic = 'force-dynamic';

/** One-time: only while no account exists. */
export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect('/sign-in');
  const t = await getTranslations();
  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.body')}>
      <SetupForm />
    </AuthCard>
  );
}
