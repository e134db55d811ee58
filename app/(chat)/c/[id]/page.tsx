import { notFound } from 'next/navigation';
import { z } from 'zod';
import { canAccess, getConversation, getMessages, listDatasets } from '@/db/queries';
import { requirePageUser } from '@/lib/auth/session';
import { Chat } from '@/components/chat/chat';
import { toUIMessages } from '@/lib/ai/messages';

export const dynamic = 'force-dynamic';

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const conversation = await getConversation(id);
  if (!conversation || !canAccess(user, conversation)) notFound();
  const [datasets, stored] = await Promise.all([listDatasets(user), getMessages(id)]);
  return <Chat id={id} user={user} datasets={datasets} initialMessages={toUIMessages(stored)} lockedDatasetId={conversation.datasetId} />;
}
