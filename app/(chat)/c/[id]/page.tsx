import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getConversation, getMessages, listDatasets } from '@/db/queries';
import { Chat } from '@/components/chat/chat';
import type { QuarryUIMessage } from '@/lib/ai/tools';

export const dynamic = 'force-dynamic';

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const conversation = await getConversation(id);
  if (!conversation) notFound();
  const [datasets, stored] = await Promise.all([listDatasets(), getMessages(id)]);
  const messages = stored.map((m) => ({ id: m.id, role: m.role, parts: m.parts }) as QuarryUIMessage);
  return <Chat id={id} datasets={datasets} initialMessages={messages} lockedDatasetId={conversation.datasetId} />;
}
