'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** A page that failed to render, most often because the app database is unreachable: say so, and offer to retry. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('app.error');
  return (
    <main role="alert" className="mx-auto max-w-md space-y-3 px-4 py-24 text-center">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </main>
  );
}
