import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { SharedConversation } from '@/components/share/shared-conversation';
import { getUser } from '@/lib/auth/session';
import { openShare, sharePath } from '@/lib/shares';

export const dynamic = 'force-dynamic';

// The token is in the address: keep it out of search engines and out of Referer headers sent to linked sites.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getUser(await headers());
  const shared = await openShare(token, viewer);
  if (shared.status === 'not-found') notFound();
  if (shared.status === 'sign-in') redirect(`/sign-in?next=${encodeURIComponent(sharePath(token))}`);
  return (
    <SharedConversation
      token={token}
      title={shared.title}
      sharedBy={shared.sharedBy}
      sharedAt={shared.sharedAt}
      messages={shared.messages}
      canContinue={viewer ? shared.canContinue : null}
    />
  );
}
