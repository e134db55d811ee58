import type { StoredMessage } from '@/db/schema';
import type { MessageMetadata, QuarryUIMessage } from './tools';

/** Stored rows as the AI SDK's UI messages (parts are stored exactly as the SDK produced them). */
export function toUIMessages(rows: StoredMessage[]): QuarryUIMessage[] {
  return rows.map((m) => ({
    id: m.id,
    role: m.role,
    parts: m.parts as QuarryUIMessage['parts'],
    ...(m.metadata ? { metadata: m.metadata as MessageMetadata } : {}),
  }));
}
