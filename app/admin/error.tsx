'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('admin.error');
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 py-16 text-center">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </div>
  );
}
