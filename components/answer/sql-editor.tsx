'use client';

import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';

type Props = { initial: string; onChange: (sql: string) => void; onRun: () => void; label: string };

const theme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'transparent' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--foreground)' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--muted-foreground)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in oklch, var(--muted) 60%, transparent)' },
});

/** CodeMirror 6 with PostgreSQL highlighting; Ctrl/Cmd+Enter runs. */
export function SqlEditor({ initial, onChange, onRun, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      doc: initial,
      extensions: [
        keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: () => (callbacks.current.onRun(), true) }]),
        basicSetup,
        sql({ dialect: PostgreSQL }),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => update.docChanged && callbacks.current.onChange(update.state.doc.toString())),
      ],
    });
    view.focus();
    return () => view.destroy();
    // The editor owns its document after mounting; `initial` only seeds it.
  }, []);

  return <div ref={host} className="border-t border-border" data-testid="sql-editor" />;
}
