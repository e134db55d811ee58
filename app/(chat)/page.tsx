import { listDatasets } from '@/db/queries';
import { Chat } from '@/components/chat/chat';

export const dynamic = 'force-dynamic';

export default async function NewChatPage() {
  const datasets = await listDatasets();
  return <Chat key={crypto.randomUUID()} id={crypto.randomUUID()} datasets={datasets} initialMessages={[]} />;
}
