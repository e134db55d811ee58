'use client';

import { Loader2, RotateCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';

/** What a tab shows while its data loads, or when loading failed (with Retry). */
export function LoadState({ error, onRetry }: { error?: string; onRetry: () => void }) {
  const t = useTranslations('datasets');
  if (error) {
    return (
      <div className="space-y-2">
        <FormError error={error} />
        <Button variant="outline" onClick={onRetry}>
          <RotateCw aria-hidden /> {t('retry')}
        </Button>
      </div>
    );
  }
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
      <Loader2 className="size-4 animate-spin" aria-hidden /> {t('loading')}
    </p>
  );
}
