'use client';

import { ArrowLeft, Boxes, Database, FileClock, Link2, Users } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

const SECTIONS = [
  { href: '/admin/users', key: 'users', icon: Users },
  { href: '/admin/datasets', key: 'datasets', icon: Database },
  { href: '/admin/models', key: 'models', icon: Boxes },
  { href: '/admin/shares', key: 'shares', icon: Link2 },
  { href: '/admin/audit', key: 'audit', icon: FileClock },
] as const;

export function AdminNav({ email }: { email: string }) {
  const t = useTranslations('admin');
  const pathname = usePathname();
  return (
    <aside className="flex shrink-0 flex-col gap-4 border-b border-border p-3 md:w-56 md:border-r md:border-b-0">
      <div className="flex items-center justify-between gap-2 px-2 md:flex-col md:items-start">
        <Link href="/admin/users" className="font-semibold tracking-tight">
          Quarry <span className="font-normal text-muted-foreground">{t('title')}</span>
        </Link>
        <Link href="/" className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground focus-visible:underline focus-visible:outline-none">
          <ArrowLeft className="size-4" aria-hidden /> {t('backToChat')}
        </Link>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="flex gap-1 overflow-x-auto md:flex-col">
          {SECTIONS.map(({ href, key, icon: Icon }) => {
            const current = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-2 whitespace-nowrap rounded-md px-2 py-1.5 text-sm hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
                    current && 'bg-muted font-medium',
                  )}
                >
                  <Icon className="size-4 text-muted-foreground" aria-hidden />
                  {t(`nav.${key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="mt-auto hidden truncate px-2 text-xs text-muted-foreground md:block" title={email}>
        {t('signedInAs', { email })}
      </p>
    </aside>
  );
}
