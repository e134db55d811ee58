import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { Button } from '@/components/ui/button';

/** One page for every link that does not work: unknown, malformed, revoked and expired look the same. */
export default async function ShareNotFound() {
  const t = await getTranslations('share');
  return (
    <AuthCard title={t('notFoundTitle')} subtitle={t('notFoundBody')}>
      <Button variant="outline" className="w-full" asChild>
        <Link href="/">{t('home')}</Link>
      </Button>
    </AuthCard>
  );
}
