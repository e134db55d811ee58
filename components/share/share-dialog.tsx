'use client';

import { Loader2, Share2, X } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Dialog } from 'radix-ui';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ShareList, type ShareRow } from './share-list';

const EXPIRY_DAYS = [1, 7, 30, 90] as const;

type Access = ShareRow['access'];
type Loaded = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ready'; shares: ShareRow[] };

async function errorOf(response: Response | undefined, fallback: string): Promise<string> {
  const body = (await response?.json().catch(() => ({}))) as { error?: string } | undefined;
  return body?.error ?? fallback;
}

/** The conversation header's Share button: create a link (who may open it, until when), see and revoke this conversation's links. */
export function ShareDialog({ conversationId }: { conversationId: string }) {
  const t = useTranslations('share');
  const [open, setOpen] = useState(false);
  const [access, setAccess] = useState<Access>('signed-in');
  const [expiry, setExpiry] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [link, setLink] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    const response = await fetch(`/api/conversations/${conversationId}/shares`).catch(() => undefined);
    if (!response?.ok) return setLoaded({ state: 'error', error: await errorOf(response, t('networkError')) });
    setLoaded({ state: 'ready', shares: ((await response.json()) as { shares: ShareRow[] }).shares });
  }, [conversationId, t]);

  useEffect(() => {
    if (open) void load();
    else setLink(undefined);
  }, [open, load]);

  const create = async () => {
    setCreating(true);
    setCreateError(undefined);
    const response = await fetch(`/api/conversations/${conversationId}/shares`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access, expiresInDays: expiry ? Number(expiry) : null }),
    }).catch(() => undefined);
    setCreating(false);
    if (!response?.ok) return setCreateError(t('createFailed', { error: await errorOf(response, t('networkError')) }));
    const created = (await response.json()) as { share: ShareRow; path: string };
    setLink(new URL(created.path, window.location.origin).toString());
    setLoaded((l) => (l.state === 'ready' ? { state: 'ready', shares: [created.share, ...l.shares] } : l));
  };

  const revoked = (id: string) =>
    setLoaded((l) => (l.state === 'ready' ? { state: 'ready', shares: l.shares.map((s) => (s.id === id ? { ...s, status: 'revoked' } : s)) } : l));

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm" data-testid="share-button">
          <Share2 /> {t('share')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[85dvh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-xl border border-border bg-card p-5 shadow-lg focus:outline-none">
          <div className="flex items-start justify-between gap-4">
            <div className="space-y-1">
              <Dialog.Title className="text-lg font-semibold">{t('dialogTitle')}</Dialog.Title>
              <Dialog.Description className="text-sm text-muted-foreground">{t('dialogDescription')}</Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label={t('close')}>
                <X />
              </Button>
            </Dialog.Close>
          </div>

          <fieldset className="space-y-1.5">
            <legend className="mb-1.5 text-sm font-medium">{t('access')}</legend>
            {(['signed-in', 'anyone'] as const).map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="share-access" value={value} checked={access === value} onChange={() => setAccess(value)} className="mt-0.5" />
                <span>
                  <span className="font-medium">{t(`accessOption.${value}`)}</span>
                  <span className="block text-xs text-muted-foreground">{t(`accessHint.${value}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>

          <div className="flex flex-wrap items-end gap-3">
            <label className="space-y-1.5 text-sm">
              <span className="block font-medium">{t('expires')}</span>
              <select value={expiry} onChange={(e) => setExpiry(e.target.value)} className="h-9 rounded-md border border-border bg-card px-2 text-sm" data-testid="share-expiry">
                <option value="">{t('expiresNever')}</option>
                {EXPIRY_DAYS.map((days) => (
                  <option key={days} value={days}>
                    {t('expiresAfter', { count: days })}
                  </option>
                ))}
              </select>
            </label>
            <Button onClick={create} disabled={creating} data-testid="create-share">
              {creating && <Loader2 className="animate-spin" aria-hidden />} {t('create')}
            </Button>
          </div>
          {createError && (
            <p role="alert" className="text-sm text-destructive">
              {createError}
            </p>
          )}

          {link && (
            <div className="space-y-1.5 rounded-lg border border-border bg-muted/40 p-3" role="status">
              <div className="flex items-center gap-2">
                <input
                  readOnly
                  value={link}
                  aria-label={t('linkLabel')}
                  onFocus={(e) => e.currentTarget.select()}
                  className="h-8 min-w-0 flex-1 rounded-md border border-border bg-card px-2 font-mono text-xs"
                  data-testid="share-link"
                />
                <CopyButton text={link} label={t('copy')} copiedLabel={t('copied')} />
              </div>
              <p className="text-xs text-muted-foreground">{t('createdNote')}</p>
            </div>
          )}

          <section className="space-y-2">
            <h3 className="text-sm font-medium">{t('existing')}</h3>
            {loaded.state === 'loading' && (
              <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
                <Loader2 className="size-4 animate-spin" aria-hidden /> {t('loading')}
              </p>
            )}
            {loaded.state === 'error' && (
              <div role="alert" className="flex items-center gap-2 text-sm text-destructive">
                {t('loadFailed', { error: loaded.error })}
                <Button size="sm" variant="outline" onClick={() => void load()}>
                  {t('tryAgain')}
                </Button>
              </div>
            )}
            {loaded.state === 'ready' &&
              (loaded.shares.length === 0 ? <p className="text-sm text-muted-foreground">{t('none')}</p> : <ShareList shares={loaded.shares} onRevoked={revoked} />)}
          </section>

          <Link href="/shares" className="self-start text-sm text-muted-foreground underline-offset-4 hover:underline">
            {t('allMine')}
          </Link>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
