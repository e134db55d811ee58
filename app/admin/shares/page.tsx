import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ManagedShareList } from '@/components/share/share-list';
import { listShares } from '@/db/shares';
import { requirePageUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

const MAX_LISTED = 1000;

/** Every share link in Quarry, newest first, for admins to review and revoke. */
export default async function AdminSharesPage() {
  const user = await requirePageUser();
  if (user.role !== 'admin') notFound();
  const [t, shares] = await Promise.all([getTranslations('share'), listShares({ limit: MAX_LISTED })]);
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('adminTitle')}</h1>
        <p className="text-sm text-muted-foreground">{t('adminDescription', { max: MAX_LISTED })}</p>
      </div>
      <ManagedShareList initial={shares} empty={t('adminEmpty')} showConversation showSharer />
    </div>
  );
}
