'use client';

import { Database, LogOut, Menu, Moon, Plus, Sun } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { DatasetSummary } from '@/db/queries';
import { LOCALE_COOKIE, locales } from '@/i18n/config';
import type { SessionUser } from '@/lib/auth/session';

type Props = {
  user: SessionUser;
  datasets: DatasetSummary[];
  datasetId: string | undefined;
  onDatasetChange: (id: string) => void;
  datasetLocked: boolean;
  /** Opens the history drawer (below md, where the sidebar is hidden). */
  onOpenHistory: () => void;
};

// Radix's Dialog and the share list load with a conversation that can be shared, not with a new chat.
const ShareDialog = dynamic(() => import('@/components/share/share-dialog').then((m) => m.ShareDialog));

const CONVERSATION_PATH = /^\/c\/([0-9a-f-]{36})$/;

const LOCALE_NAMES: Record<(typeof locales)[number], string> = { en: 'English', zh: '简体中文' };

export function Header({ user, datasets, datasetId, onDatasetChange, datasetLocked, onOpenHistory }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  // A new chat gets its /c/<id> address with its first question; from then on it can be shared.
  const conversationId = usePathname().match(CONVERSATION_PATH)?.[1];
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2">
      <Button variant="ghost" size="icon" className="md:hidden" aria-label={t('history.title')} onClick={onOpenHistory} data-testid="open-history">
        <Menu />
      </Button>
      <Link href="/" className="mr-2 font-semibold tracking-tight">
        {t('app.name')}
      </Link>
      <label className="flex items-center gap-1.5 text-sm">
        <Database className="size-4 text-muted-foreground" aria-hidden />
        <span className="sr-only">{t('chat.dataset')}</span>
        <select
          value={datasetId ?? ''}
          disabled={datasetLocked || datasets.length === 0}
          title={datasetLocked ? t('chat.datasetLocked', { dataset: datasets.find((d) => d.id === datasetId)?.name ?? '' }) : undefined}
          onChange={(e) => onDatasetChange(e.target.value)}
          className="h-8 rounded-md border border-border bg-card px-2 text-sm"
          data-testid="dataset-picker"
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <div className="ml-auto flex items-center gap-1">
        {conversationId && datasetLocked && <ShareDialog key={conversationId} conversationId={conversationId} />}
        <Button variant="ghost" size="sm" asChild>
          <Link href="/">
            <Plus /> {t('app.newChat')}
          </Link>
        </Button>
        <label className="text-sm">
          <span className="sr-only">{t('app.language')}</span>
          <select
            value={locale}
            onChange={(e) => {
              document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
              router.refresh();
            }}
            className="h-8 rounded-md border border-border bg-card px-2 text-sm"
          >
            {locales.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="ghost"
          size="icon"
          aria-label={t('app.theme')}
          onClick={() => {
            const dark = document.documentElement.classList.toggle('dark');
            localStorage.setItem('theme', dark ? 'dark' : 'light');
          }}
        >
          <Sun className="hidden dark:block" />
          <Moon className="dark:hidden" />
        </Button>
        <span className="hidden text-sm text-muted-foreground sm:inline" data-testid="user-email">
          {user.email}
        </span>
        <Button
          variant="ghost"
          size="icon"
          aria-label={t('app.signOut')}
          title={t('app.signOut')}
          onClick={async () => {
            // Better Auth's endpoint, called directly: its client library would weigh on every chat page.
            await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
            router.push('/sign-in');
            router.refresh();
          }}
        >
          <LogOut />
        </Button>
      </div>
    </header>
  );
}
