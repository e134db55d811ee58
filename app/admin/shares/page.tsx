import { getTranslations } from 'next-intl/server';
import { ManagedShareList } from '@/components/share/share-list';
import { listShares } from '@/db/shares';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const MAX_LISTED = 1000;

/** Every share link in Quarry, newest first, for admins to review and revoke. */
export default async function AdminSharesPage() {
  await requireAdminPage();
  const [t, shares] = await Promise.all([getTranslations('share'), listShares({ limit: MAX_LISTED })]);
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">{t('adminTitle')}</h1>
        <p className="text-sm text-muted-foreground">{t('adminDescription', { max: MAX_LISTED })}</p>
      </div>
      <ManagedShareList initial={shares} empty={t('adminEmpty')} showConversation showSharer />
    </div>
  );
}
