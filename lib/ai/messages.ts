import type { StoredMessage } from '@/db/schema';
import type { MessageMetadata, QuarryUIMessage } from './tools';

/** Stored rows as the AI SDK's UI messages (parts are stored exactly as the SDK produced them). */
export function toUIMessages(rows: StoredMessage[]): QuarryUIMessage[] {
  return rows.map((m) => {
    const metadata: MessageMetadata = { ...(m.metadata as MessageMetadata | null), ...(m.status === 'failed' ? { status: 'failed', error: m.error ?? undefined } : {}) };
    return { id: m.id, role: m.role, parts: m.parts as QuarryUIMessage['parts'], ...(Object.keys(metadata).length > 0 ? { metadata } : {}) };
  });
}

/** What the model is given of a conversation: a failed answer's partial text is left out, its question kept. */
export const forModel = (messages: QuarryUIMessage[]) => messages.filter((m) => m.metadata?.status !== 'failed' && m.metadata?.notice !== 'limit');
