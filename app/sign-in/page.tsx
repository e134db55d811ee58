import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { countUsers } from '@/db/queries';
import { getUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await getUser(await headers())) redirect('/');
  if ((await countUsers()) === 0) redirect('/setup');
  const t = await getTranslations();
  return (
    <AuthCard title={t('app.name')} subtitle={t('auth.title')}>
      <SignInForm />
    </AuthCard>
  );
}
