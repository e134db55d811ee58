'use client';

import { Copy, Eye, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Message } from '@/components/chat/message';
import { Button } from '@/components/ui/button';
import type { QuarryUIMessage } from '@/lib/ai/tools';

type Props = {
  token: string;
  title: string;
  sharedBy: string;
  sharedAt: Date;
  messages: QuarryUIMessage[];
  /** null: signed out; otherwise whether the viewer may use the conversation's dataset. */
  canContinue: boolean | null;
};

function ContinueButton({ token }: { token: string }) {
  const t = useTranslations('share');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const copy = async () => {
    setPending(true);
    setError(undefined);
    const response = await fetch('/api/shares/continue', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => ({}))) as { conversationId?: string; error?: string } | undefined;
    if (response?.ok && body?.conversationId) return router.push(`/c/${body.conversationId}`);
    setPending(false);
    setError(t('continueFailed', { error: body?.error ?? t('networkError') }));
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <Button onClick={copy} disabled={pending} data-testid="continue-share">
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Copy aria-hidden />} {t('continue')}
      </Button>
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

/** The read-only page of a share link: the stored messages as they were, nothing that runs a query. */
export function SharedConversation({ token, title, sharedBy, sharedAt, messages, canContinue }: Props) {
  const t = useTranslations('share');
  const app = useTranslations('app');
  const format = useFormatter();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-border">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="min-w-0 flex-1 space-y-0.5">
            <Link href="/" className="text-sm font-semibold tracking-tight">
              {app('name')}
            </Link>
            <h1 className="truncate text-lg font-semibold" data-testid="share-title">
              {title}
            </h1>
            <p className="text-sm text-muted-foreground" data-testid="shared-by">
              {t.rich('sharedBy', {
                name: sharedBy,
                date: format.dateTime(sharedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                time: (chunks) => <time dateTime={sharedAt.toISOString()}>{chunks}</time>,
              })}
            </p>
          </div>
          {canContinue === true && <ContinueButton token={token} />}
          {canContinue === null && (
            <Button variant="outline" asChild>
              <Link href={`/sign-in?next=${encodeURIComponent(`/share/${token}`)}`}>{t('signInToContinue')}</Link>
            </Button>
          )}
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        <p className="flex items-center gap-2 rounded-lg border border-border bg-muted/40 px-3 py-2 text-sm text-muted-foreground">
          <Eye className="size-4 shrink-0" aria-hidden /> {t('readOnlyNote')}
        </p>
        {canContinue === false && <p className="text-sm text-muted-foreground">{t('noDatasetAccess')}</p>}
        {messages.length === 0 ? (
          <p className="text-center text-sm text-muted-foreground">{t('emptySnapshot')}</p>
        ) : (
          messages.map((m) => <Message key={m.id} message={m} streaming={false} readOnly />)
        )}
      </main>
    </div>
  );
}
