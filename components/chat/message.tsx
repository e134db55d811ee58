'use client';

import { useTranslations } from 'next-intl';
import { defaultRehypePlugins, Streamdown } from 'streamdown';
import { QueryResult } from '@/components/answer/query-result';
import type { RunSql } from '@/components/answer/sql-block';
import type { QuarryUIMessage } from '@/lib/ai/tools';

// Model text is markdown, never HTML: the raw-HTML plugin is left out.
const rehypePlugins = [defaultRehypePlugins.sanitize!, defaultRehypePlugins.harden!];

export function Message({ message, streaming, onRun }: { message: QuarryUIMessage; streaming: boolean; onRun?: RunSql }) {
  const t = useTranslations('chat');
  const a = useTranslations('answer');
  if (message.role === 'user') {
    const text = message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    return (
      <div className="flex justify-end" data-role="user">
        <p className="sr-only">{t('you')}:</p>
        <div className="max-w-[85%] rounded-2xl bg-muted px-4 py-2 whitespace-pre-wrap">{text}</div>
      </div>
    );
  }
  return (
    <div className="space-y-3" data-role="assistant">
      {message.metadata?.source === 'analyst' ? (
        <p className="text-xs font-medium text-muted-foreground">{a('yourQuery')}</p>
      ) : (
        <p className="sr-only">{t('assistant')}:</p>
      )}
      {message.parts.map((part, i) => {
        if (part.type === 'text') {
          return (
            <div key={i} data-testid="answer-text">
              <Streamdown isAnimating={streaming} rehypePlugins={rehypePlugins} className="leading-relaxed">
                {part.text}
              </Streamdown>
            </div>
          );
        }
        if (part.type === 'tool-runQuery') return <QueryResult key={part.toolCallId} part={part} onRun={onRun} />;
        return null;
      })}
    </div>
  );
}
