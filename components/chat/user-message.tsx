'use client';

import { useTranslations } from 'next-intl';
import type { QuarryUIMessage } from '@/lib/ai/tools';

/** A question as the conversation shows it. */
export function UserMessage({ message }: { message: QuarryUIMessage }) {
  const t = useTranslations('chat');
  const text = message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  return (
    <div className="flex justify-end" data-role="user">
      <p className="sr-only">{t('you')}:</p>
      <div className="max-w-[85%] rounded-2xl bg-muted px-4 py-2 whitespace-pre-wrap">{text}</div>
    </div>
  );
}
