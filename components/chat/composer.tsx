'use client';

import { ArrowUp, Square } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { MAX_QUESTION_CHARS } from '@/lib/limits';

type Props = {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onStop: () => void;
  busy: boolean;
  disabled?: boolean;
};

export function Composer({ value, onChange, onSubmit, onStop, busy, disabled }: Props) {
  const t = useTranslations('chat');
  const ref = useRef<HTMLTextAreaElement>(null);
  const tooLong = value.length > MAX_QUESTION_CHARS;
  const canSend = !busy && !disabled && value.trim().length > 0 && !tooLong;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
  }, [value]);

  return (
    <form
      className="rounded-xl border border-border bg-card p-2 shadow-sm focus-within:ring-2 focus-within:ring-ring"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSubmit();
      }}
    >
      <label htmlFor="composer" className="sr-only">
        {t('placeholder')}
      </label>
      <textarea
        id="composer"
        ref={ref}
        autoFocus
        rows={1}
        value={value}
        disabled={disabled}
        placeholder={t('placeholder')}
        aria-describedby="composer-hint"
        data-testid="composer"
        className="block max-h-60 w-full resize-none bg-transparent px-2 py-1.5 text-base outline-none placeholder:text-muted-foreground"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // isComposing: Enter also confirms a Chinese or Japanese IME candidate.
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (canSend) onSubmit();
          }
        }}
      />
      <div className="flex items-center justify-between gap-2 pl-2">
        <p id="composer-hint" className={`text-xs ${tooLong ? 'text-destructive' : 'text-muted-foreground'}`}>
          {tooLong ? t('tooLong', { count: value.length, max: MAX_QUESTION_CHARS }) : t('composerHint')}
        </p>
        {busy ? (
          <Button type="button" size="sm" variant="outline" onClick={onStop}>
            <Square /> {t('stop')}
          </Button>
        ) : (
          <Button type="submit" size="sm" disabled={!canSend}>
            <ArrowUp /> {t('send')}
          </Button>
        )}
      </div>
    </form>
  );
}
