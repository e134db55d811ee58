'use client';

import { X } from 'lucide-react';
import { Dialog as D } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** A modal: focus is trapped inside, Escape closes it, focus returns to the trigger. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations('admin');
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-border bg-card p-5 shadow-lg focus:outline-none"
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="space-y-1 pr-6">
            <D.Title className="text-base font-semibold">{title}</D.Title>
            {description && <D.Description className="text-sm text-muted-foreground">{description}</D.Description>}
          </div>
          {children}
          <D.Close asChild>
            <Button variant="ghost" size="icon" className="absolute top-3 right-3 size-7" aria-label={t('close')}>
              <X />
            </Button>
          </D.Close>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

export const inputClass = 'h-9 w-full rounded-md border border-border bg-background px-2.5 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-50';

export function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {hint && <span className="block text-xs text-muted-foreground">{hint}</span>}
    </label>
  );
}

export function FormError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {error}
    </p>
  );
}
