import { listDatasets } from '@/db/queries';
import { Chat } from '@/components/chat/chat';
import { requirePageUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function NewChatPage() {
  const user = await requirePageUser();
  const datasets = await listDatasets(user);
  return <Chat key={crypto.randomUUID()} id={crypto.randomUUID()} user={user} datasets={datasets} initialMessages={[]} />;
}
