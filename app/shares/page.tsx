import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ManagedShareList } from '@/components/share/share-list';
import { Button } from '@/components/ui/button';
import { listShares } from '@/db/shares';
import { requirePageUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

const MAX_LISTED = 500;

/** The signed-in user's links: those they created and those on their conversations. */
export default async function MySharesPage() {
  const user = await requirePageUser();
  const [t, shares] = await Promise.all([getTranslations('share'), listShares({ userId: user.id, limit: MAX_LISTED })]);
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-6">
      <Button variant="ghost" size="sm" asChild>
        <Link href="/">
          <ArrowLeft /> {t('backToChat')}
        </Link>
      </Button>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('myLinksTitle')}</h1>
        <p className="text-sm text-muted-foreground">{t('myLinksDescription')}</p>
      </div>
      <ManagedShareList initial={shares} empty={t('myLinksEmpty')} showConversation />
    </main>
  );
}
