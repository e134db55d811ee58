'use client';

import { defaultRehypePlugins, Streamdown } from 'streamdown';

// Model text is markdown, never HTML: the raw-HTML plugin is left out.
const rehypePlugins = [defaultRehypePlugins.sanitize!, defaultRehypePlugins.harden!];

/** An answer's text as streamed markdown. Loaded with the first answer, not with the page (see message.tsx). */
export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Streamdown isAnimating={streaming} rehypePlugins={rehypePlugins} className="leading-relaxed">
      {text}
    </Streamdown>
  );
}
