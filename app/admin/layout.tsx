import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/nav';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('admin');
  return { title: `${t('title')} · Quarry` };
}

/** The admin area: signed out goes to sign-in, analysts get a 404; each page checks again on its own. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  return (
    <NextIntlClientProvider messages={await getMessages()}>
      <div className="flex min-h-dvh flex-col md:flex-row">
        <AdminNav email={admin.email} />
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
