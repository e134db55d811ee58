'use client';

import { Globe, Loader2, Lock } from 'lucide-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ListedShare } from '@/db/shares';
import { cn } from '@/lib/utils';

/** A listed link as it reaches the browser: from a server page dates stay Dates, from JSON they are strings. */
export type ShareRow = Omit<ListedShare, 'expiresAt' | 'revokedAt' | 'createdAt'> & {
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
  createdAt: Date | string;
};

type Props = {
  shares: ShareRow[];
  onRevoked: (id: string) => void;
  /** Pages listing links of many conversations name each one. */
  showConversation?: boolean;
  /** The admin list says who shared each link. */
  showSharer?: boolean;
};

const STATUS_STYLE: Record<ShareRow['status'], string> = {
  active: 'bg-emerald-500/10 text-emerald-700 dark:text-emerald-400',
  revoked: 'bg-muted text-muted-foreground',
  expired: 'bg-amber-500/10 text-amber-700 dark:text-amber-400',
};

function RevokeButton({ id, onRevoked }: { id: string; onRevoked: (id: string) => void }) {
  const t = useTranslations('share');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const revoke = async () => {
    setPending(true);
    setError(undefined);
    const response = await fetch(`/api/shares/${id}`, { method: 'DELETE' }).catch(() => undefined);
    setPending(false);
    if (response?.ok) return onRevoked(id);
    const body = (await response?.json().catch(() => ({}))) as { error?: string } | undefined;
    setError(t('revokeFailed', { error: body?.error ?? t('networkError') }));
  };

  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <div className="flex items-center gap-1">
          <Button size="sm" variant="destructive" onClick={revoke} disabled={pending} data-testid="confirm-revoke">
            {pending && <Loader2 className="animate-spin" aria-hidden />} {t('confirmRevoke')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="outline" onClick={() => setConfirming(true)} data-testid="revoke-share">
          {t('revoke')}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

export function ShareList({ shares, onRevoked, showConversation = false, showSharer = false }: Props) {
  const t = useTranslations('share');
  const format = useFormatter();
  const when = (date: Date | string) => format.dateTime(new Date(date), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="divide-y divide-border rounded-lg border border-border" data-testid="share-list">
      {shares.map((share) => (
        <li key={share.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-status={share.status}>
          <div className="min-w-0 flex-1 space-y-0.5">
            {showConversation && (
              <Link href={`/c/${share.conversationId}`} className="block truncate font-medium hover:underline">
                {share.conversationTitle}
              </Link>
            )}
            <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
              <span className={cn('rounded px-1.5 py-0.5 font-medium', STATUS_STYLE[share.status])}>{t(`status.${share.status}`)}</span>
              <span className="flex items-center gap-1">
                {share.access === 'anyone' ? <Globe className="size-3.5" aria-hidden /> : <Lock className="size-3.5" aria-hidden />}
                {t(`accessShort.${share.access}`)}
              </span>
              <span>{t('createdOn', { date: when(share.createdAt) })}</span>
              <span>{share.expiresAt ? t('expiresOn', { date: when(share.expiresAt) }) : t('noExpiry')}</span>
              {showSharer && <span>{t('sharedByShort', { name: share.createdBy.name, email: share.createdBy.email })}</span>}
            </p>
          </div>
          {share.status === 'active' && <RevokeButton id={share.id} onRevoked={onRevoked} />}
        </li>
      ))}
    </ul>
  );
}

/** A page's list: it starts from the server's rows and marks revoked links in place. */
export function ManagedShareList({ initial, empty, ...props }: Omit<Props, 'shares' | 'onRevoked'> & { initial: ShareRow[]; empty: string }) {
  const [shares, setShares] = useState(initial);
  if (shares.length === 0) return <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted-foreground">{empty}</p>;
  return <ShareList shares={shares} onRevoked={(id) => setShares((rows) => rows.map((r) => (r.id === id ? { ...r, status: 'revoked', revokedAt: new Date() } : r)))} {...props} />;
}
