'use client';

import { useTranslations } from 'next-intl';
import { Dialog } from 'radix-ui';
import type { ComponentProps } from 'react';
import { History } from './history';

type Props = ComponentProps<typeof History> & { onOpenChange: (open: boolean) => void };

/** The history as a drawer, below md where the sidebar is hidden. Mounted while open, loaded when first opened (see chat.tsx). */
export function HistoryDrawer({ onOpenChange, ...history }: Props) {
  const t = useTranslations('history');
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 md:hidden" />
        <Dialog.Content aria-describedby={undefined} className="fixed inset-y-0 left-0 z-50 bg-background shadow-lg md:hidden">
          <Dialog.Title className="sr-only">{t('title')}</Dialog.Title>
          <History {...history} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
