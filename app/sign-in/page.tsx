import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { countUsers } from '@/db/queries';
import { getUser } from '@/lib/auth/session';
import { localPath } from '@/lib/http';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = localPath((await searchParams).next);
  if (await getUser(await headers())) redirect(next);
  if ((await countUsers()) === 0) redirect('/setup');
  const t = await getTranslations();
  return (
    <AuthCard title={t('app.name')} subtitle={t('auth.title')}>
      <SignInForm next={next} />
    </AuthCard>
  );
}
