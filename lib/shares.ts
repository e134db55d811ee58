import { createHash, randomBytes } from 'node:crypto';
import { getUsableDataset } from '@/db/queries';
import { copyConversation, findLiveShare, getSharedMessages, insertShare } from '@/db/shares';
import type { Share, StoredMessage } from '@/db/schema';
import { toUIMessages } from '@/lib/ai/messages';
import type { QuarryUIMessage } from '@/lib/ai/tools';

type Viewer = { id: string; role: string };

/** 128 random bits as base64url: always 22 characters of [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const sharePath = (token: string) => `/share/${token}`;

/** Creates a link; the token is returned once, to show its creator, and only its hash is stored. */
export async function createShare({ conversationId, createdBy, access, expiresInDays }: { conversationId: string; createdBy: string; access: Share['access']; expiresInDays: number | null }) {
  const token = randomBytes(16).toString('base64url');
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000);
  const share = await insertShare({ conversationId, createdBy, tokenHash: hashToken(token), access, expiresAt });
  return { share, token, path: sharePath(token) };
}

/** The live link for a token. A malformed, unknown, revoked or expired token all give undefined, alike. */
async function liveShare(token: string) {
  return TOKEN_PATTERN.test(token) ? findLiveShare(hashToken(token)) : undefined;
}

export type OpenedShare =
  | { status: 'not-found' }
  | { status: 'sign-in' }
  | {
      status: 'ok';
      title: string;
      sharedBy: string;
      sharedAt: Date;
      messages: QuarryUIMessage[];
      /** The viewer is signed in and may use the conversation's dataset. */
      canContinue: boolean;
    };

/** What a viewer of `/share/<token>` gets: the stored messages up to the moment of sharing, never a re-run. */
export async function openShare(token: string, viewer: Viewer | null): Promise<OpenedShare> {
  const share = await liveShare(token);
  if (!share) return { status: 'not-found' };
  if (share.access === 'signed-in' && !viewer) return { status: 'sign-in' };
  const [stored, dataset] = await Promise.all([
    getSharedMessages(share.conversation.id, share.createdAt),
    viewer ? getUsableDataset(viewer, share.conversation.datasetId) : undefined,
  ]);
  return {
    status: 'ok',
    title: share.conversation.title,
    sharedBy: share.sharedBy.name,
    sharedAt: share.createdAt,
    messages: toUIMessages(stored),
    canContinue: dataset !== undefined,
  };
}

/**
 * Results in a copy are what the sharer saw; their query runs belong to the sharer's
 * conversation, so the copy keeps no run ids (and offers no CSV of someone else's run).
 */
function withoutRunIds(parts: StoredMessage['parts']): StoredMessage['parts'] {
  return parts.map((part) => {
    if (part.type !== 'tool-runQuery' || part.state !== 'output-available' || typeof part.output !== 'object' || part.output === null) return part;
    const { queryRunId: _dropped, ...output } = part.output as { queryRunId?: unknown };
    return { ...part, output };
  });
}

/** "Continue in my workspace": a copy of the shared conversation that the viewer owns. */
export async function continueShare(token: string, viewer: Viewer): Promise<{ status: 'not-found' } | { status: 'no-dataset' } | { status: 'ok'; conversationId: string }> {
  const share = await liveShare(token);
  if (!share) return { status: 'not-found' };
  if (!(await getUsableDataset(viewer, share.conversation.datasetId))) return { status: 'no-dataset' };
  const stored = await getSharedMessages(share.conversation.id, share.createdAt);
  const conversationId = await copyConversation({
    source: share.conversation,
    userId: viewer.id,
    messages: stored.map((m) => ({ ...m, parts: withoutRunIds(m.parts) })),
  });
  return { status: 'ok', conversationId };
}

/** Who may see and revoke a link: its creator, the conversation's owner, and admins. */
export const mayManageShare = (viewer: Viewer, share: { createdBy: string; conversationOwner: string | null }) =>
  viewer.role === 'admin' || share.createdBy === viewer.id || share.conversationOwner === viewer.id;
