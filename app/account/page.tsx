import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requirePageUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const user = await requirePageUser();
  const t = await getTranslations('account');
  return (
    <main className="mx-auto max-w-md space-y-8 px-4 py-10">
      <div className="space-y-1">
        <Link href="/" className="text-sm text-muted-foreground hover:text-foreground">
          ← {t('back')}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">
          {user.email} · {t(user.role === 'admin' ? 'roleAdmin' : 'roleAnalyst')}
        </p>
        {user.role === 'admin' && (
          <Link href="/admin" className="text-sm underline underline-offset-4">
            {t('admin')}
          </Link>
        )}
      </div>
      <section className="space-y-4">
        <h2 className="text-lg font-medium">{t('changePassword')}</h2>
        <ChangePasswordForm />
      </section>
    </main>
  );
}
