'use client';

import { Check, Link2, Loader2, Pencil, Search, Shield, Trash2, UserRound, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SessionUser } from '@/lib/auth/session';
import { cn } from '@/lib/utils';

type Item = { id: string; title: string; updatedAt: string };
const PAGE = 30;

/** The user's saved conversations: newest first, searchable, renamable, deletable. */
export function History({ user, currentId, refreshKey }: { user: SessionUser; currentId: string; refreshKey: number }) {
  const t = useTranslations('history');
  const tAccount = useTranslations('account');
  const router = useRouter();
  const [items, setItems] = useState<Item[]>([]);
  const [more, setMore] = useState(false);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [editing, setEditing] = useState<{ id: string; title: string }>();
  const [confirming, setConfirming] = useState<string>();

  const load = useCallback(
    async (offset: number) => {
      const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      if (search.trim()) params.set('search', search.trim());
      const response = await fetch(`/api/conversations?${params}`);
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as { conversations: Item[]; more: boolean };
    },
    [search],
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      load(0).then(
        (page) => !cancelled && (setItems(page.conversations), setMore(page.more), setState('ready')),
        () => !cancelled && setState('error'),
      );
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [load, refreshKey]);

  const rename = async (id: string, title: string) => {
    const response = await fetch(`/api/conversations/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    if (!response.ok) return;
    setItems((all) => all.map((c) => (c.id === id ? { ...c, title: title.trim() } : c)));
    setEditing(undefined);
  };

  const remove = async (id: string) => {
    const response = await fetch(`/api/conversations/${id}`, { method: 'DELETE' });
    setConfirming(undefined);
    if (!response.ok) return;
    setItems((all) => all.filter((c) => c.id !== id));
    if (id === currentId) router.push('/');
  };

  return (
    <nav aria-label={t('title')} className="flex h-full w-64 shrink-0 flex-col border-r border-border" data-testid="history">
      <div className="p-2">
        <label className="flex items-center gap-2 rounded-md border border-border bg-card px-2">
          <Search className="size-4 text-muted-foreground" aria-hidden />
          <span className="sr-only">{t('search')}</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('search')} className="h-8 w-full bg-transparent text-sm outline-none" />
        </label>
      </div>
      <div className="flex-1 overflow-y-auto px-2 pb-2">
        {state === 'loading' && <Loader2 className="mx-auto mt-4 size-4 animate-spin text-muted-foreground" aria-label={t('loading')} />}
        {state === 'error' && <p className="p-2 text-sm text-destructive">{t('error')}</p>}
        {state === 'ready' && items.length === 0 && <p className="p-2 text-sm text-muted-foreground">{search ? t('noMatches') : t('empty')}</p>}
        <ul className="space-y-0.5">
          {items.map((c) => (
            <li key={c.id} className={cn('group flex items-center gap-1 rounded-md pr-1 text-sm hover:bg-muted', c.id === currentId && 'bg-muted')}>
              {editing?.id === c.id ? (
                <form className="flex flex-1 items-center gap-1 p-1" onSubmit={(e) => (e.preventDefault(), void rename(c.id, editing.title))}>
                  <input
                    autoFocus
                    aria-label={t('rename')}
                    value={editing.title}
                    maxLength={200}
                    onChange={(e) => setEditing({ id: c.id, title: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}
                    className="h-7 min-w-0 flex-1 rounded border border-border bg-card px-1.5 text-sm"
                  />
                  <Button type="submit" size="icon" variant="ghost" className="size-7" aria-label={t('save')} disabled={!editing.title.trim()}>
                    <Check />
                  </Button>
                </form>
              ) : confirming === c.id ? (
                <div className="flex flex-1 items-center gap-1 p-1" role="group" aria-label={t('confirmDelete')}>
                  <span className="flex-1 truncate text-destructive">{t('confirmDelete')}</span>
                  <Button size="icon" variant="ghost" className="size-7" aria-label={t('delete')} onClick={() => void remove(c.id)}>
                    <Check />
                  </Button>
                  <Button size="icon" variant="ghost" className="size-7" aria-label={t('cancel')} onClick={() => setConfirming(undefined)}>
                    <X />
                  </Button>
                </div>
              ) : (
                <>
                  <Link href={`/c/${c.id}`} className="min-w-0 flex-1 truncate px-2 py-1.5" aria-current={c.id === currentId ? 'page' : undefined} title={c.title}>
                    {c.title}
                  </Link>
                  <Button size="icon" variant="ghost" className="size-7 opacity-0 group-hover:opacity-100 focus-visible:opacity-100" aria-label={t('rename')} onClick={() => setEditing({ id: c.id, title: c.title })}>
                    <Pencil />
                  </Button>
                  <Button size="icon" variant="ghost" className="size-7 opacity-0 group-hover:opacity-100 focus-visible:opacity-100" aria-label={t('delete')} onClick={() => setConfirming(c.id)}>
                    <Trash2 />
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
        {more && (
          <Button variant="ghost" size="sm" className="mt-1 w-full" onClick={() => load(items.length).then((page) => (setItems((all) => [...all, ...page.conversations]), setMore(page.more)))}>
            {t('more')}
          </Button>
        )}
      </div>
      <div className="space-y-0.5 border-t border-border p-2 text-sm">
        <Link href="/account" className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted" title={tAccount('link')}>
          <UserRound className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span className="truncate">{user.email}</span>
        </Link>
        <Link href="/shares" className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted">
          <Link2 className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          {tAccount('shares')}
        </Link>
        {user.role === 'admin' && (
          <Link href="/admin" className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted">
            <Shield className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            {tAccount('admin')}
          </Link>
        )}
      </div>
    </nav>
  );
}
