'use client';

import { AlertTriangle, Loader2, RotateCcw } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunSql } from '@/components/answer/sql-block';
import { Button } from '@/components/ui/button';
import type { DatasetSummary } from '@/db/queries';
import type { SessionUser } from '@/lib/auth/session';
import type { QuarryUIMessage } from '@/lib/ai/tools';
import type { ChatHelpers } from './chat-client';
import { Composer } from './composer';
import { Header } from './header';
import { History } from './history';
import { UserMessage } from './user-message';

// The AI SDK's chat client, with the zod it checks the stream with, is the largest script the
// page has: it loads once the page has hydrated, so the page paints and responds without it.
const ChatClient = dynamic(() => import('./chat-client').then((m) => m.ChatClient), { ssr: false });
// An answer's parts (the SQL block, the result table with TanStack Table and Virtual) load while
// the model works on the first question (see ask); a question shows at once.
const Message = dynamic(() => import('./message').then((m) => m.Message));
// Radix's Dialog loads when the drawer is first opened.
const HistoryDrawer = dynamic(() => import('./history-drawer').then((m) => m.HistoryDrawer), { ssr: false });

/** A question asked before the chat client has loaded, with the kind of random id the client would give it. */
const queuedQuestion = (text: string): QuarryUIMessage => ({
  id: Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join(''),
  role: 'user',
  parts: [{ type: 'text', text }],
});

type Props = {
  id: string;
  user: SessionUser;
  datasets: DatasetSummary[];
  initialMessages: QuarryUIMessage[];
  lockedDatasetId?: string;
};

/** The server answers errors as JSON `{ error }`; show its words, not the raw body. */
function errorText(error: Error): string {
  try {
    return (JSON.parse(error.message) as { error?: string }).error ?? error.message;
  } catch {
    return error.message;
  }
}

export function Chat({ id, user, datasets, initialMessages, lockedDatasetId }: Props) {
  const t = useTranslations('chat');
  const [datasetId, setDatasetId] = useState(lockedDatasetId ?? datasets[0]?.id);
  const [input, setInput] = useState('');
  const [historyOpen, setHistoryOpen] = useState(false);
  const datasetRef = useRef(datasetId);
  datasetRef.current = datasetId;

  const [reported, setReported] = useState<ChatHelpers>();
  const client = reported?.id === id ? reported : undefined;
  // Until the client has loaded, the conversation shows as the server rendered it. A question asked
  // meanwhile shows at once, as sent, and the client sends it when it loads.
  const [queued, setQueued] = useState<QuarryUIMessage>();
  // Retry, likewise, waits for the client, which retries as soon as it loads.
  const [retryQueued, setRetryQueued] = useState(false);
  if (retryQueued && client) setRetryQueued(false);
  const asking = queued !== undefined && !client?.messages.some((m) => m.id === queued.id);
  if (queued && !asking) setQueued(undefined);
  const messages = useMemo(
    () => (asking ? [...initialMessages, queued] : (client?.messages ?? initialMessages)),
    [asking, queued, client?.messages, initialMessages],
  );
  const waiting = asking || retryQueued;
  const status = waiting ? 'submitted' : (client?.status ?? 'ready');
  const error = waiting ? undefined : client?.error;

  useEffect(() => {
    setHistoryOpen(false);
    setQueued(undefined);
    setRetryQueued(false);
  }, [id]);

  const busy = status === 'submitted' || status === 'streaming';
  // The sidebar reloads once a turn has finished: by then the server has saved the conversation.
  const settled = useRef(0);
  if (status === 'ready' || status === 'error') settled.current = messages.length;
  const last = messages.at(-1);
  // A turn that broke (now, or before a reload) keeps its question and offers Retry.
  const failure = busy
    ? null
    : error
      ? { title: t('failed'), detail: errorText(error) }
      : last?.role === 'user'
        ? { title: t('unanswered'), detail: null }
        : last?.metadata?.status === 'failed'
          ? { title: t('interrupted'), detail: null }
          : null;
  const dataset = datasets.find((d) => d.id === datasetId);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  useEffect(() => {
    // The conversation gets its own address once its first question is sent.
    if (messages.length > 0 && window.location.pathname === '/') window.history.replaceState(null, '', `/c/${id}`);
  }, [messages.length, id]);

  // Edited SQL can run once the client is there to add its result to the conversation.
  const runSql: RunSql | undefined =
    client &&
    (async (sql, params, signal) => {
      const response = await fetch('/api/queries', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: id, sql, params }),
        signal,
      });
      const body = (await response.json().catch(() => ({}))) as { message?: QuarryUIMessage; error?: string };
      if (!response.ok || !body.message) throw new Error(body.error ?? `The query could not run (HTTP ${response.status}).`);
      client.setMessages((current) => [...current, body.message!]);
    });

  const halt = () => {
    // A question or retry the client has not sent yet is simply dropped.
    if (!client) return (setQueued(undefined), setRetryQueued(false));
    void client.stop();
    // With resumable streams the answer runs on without this request: the server is asked to end it.
    void fetch(`/api/chat/${id}/stream`, { method: 'DELETE' });
  };

  const ask = (text: string) => {
    if (!datasetId || busy) return;
    // An answer's parts and its chart load while the model works on the question.
    void import('./message');
    void import('@/components/answer/result-chart');
    if (client) void client.sendMessage({ text });
    else setQueued(queuedQuestion(text));
    setInput('');
  };

  return (
    <div className="flex h-dvh">
      <ChatClient id={id} initialMessages={initialMessages} datasetId={datasetRef} question={queued} retry={retryQueued} onChange={setReported} />
      <div className="hidden md:block">
        <History user={user} currentId={id} refreshKey={settled.current} />
      </div>
      {/* Below md the history is a drawer, opened from the header. */}
      {historyOpen && <HistoryDrawer onOpenChange={setHistoryOpen} user={user} currentId={id} refreshKey={settled.current} />}
      <div className="flex min-w-0 flex-1 flex-col">
        <Header
          user={user}
          datasets={datasets}
          datasetId={datasetId}
          onDatasetChange={setDatasetId}
          datasetLocked={messages.length > 0}
          onOpenHistory={() => setHistoryOpen(true)}
        />
        <main className="flex-1 overflow-y-auto">
          <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
            {messages.length === 0 && (
              <section className="mt-[12vh] space-y-4 text-center">
                <h1 className="text-2xl font-semibold tracking-tight">{t('emptyTitle')}</h1>
                {dataset ? (
                  <>
                    <p className="text-muted-foreground">{t('emptyBody', { dataset: dataset.name })}</p>
                    {dataset.starterQuestions.length > 0 && (
                      <div className="space-y-2">
                        <h2 className="text-sm text-muted-foreground">{t('starters')}</h2>
                        <ul className="flex flex-wrap justify-center gap-2">
                          {dataset.starterQuestions.map((q) => (
                            <li key={q}>
                              <Button variant="outline" size="sm" onClick={() => ask(q)}>
                                {q}
                              </Button>
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </>
                ) : (
                  <p className="text-muted-foreground">{t('noDatasets')}</p>
                )}
              </section>
            )}
            {messages.map((m, i) =>
              m.role === 'user' ? (
                <UserMessage key={m.id} message={m} />
              ) : (
                <Message key={m.id} message={m} streaming={status === 'streaming' && i === messages.length - 1} onRun={busy ? undefined : runSql} />
              ),
            )}
            {status === 'submitted' && (
              <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
                <Loader2 className="size-4 animate-spin" aria-hidden /> {t('thinking')}
              </p>
            )}
            {failure && (
              <div role="alert" className="flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm">
                <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
                <div className="flex-1">
                  <p className="font-medium">{failure.title}</p>
                  {failure.detail && <p className="text-muted-foreground">{failure.detail}</p>}
                </div>
                <Button variant="outline" size="sm" onClick={() => (client ? void client.regenerate() : setRetryQueued(true))}>
                  <RotateCcw /> {t('retry')}
                </Button>
              </div>
            )}
            <div ref={endRef} />
          </div>
        </main>
        <div className="mx-auto w-full max-w-3xl px-4 pb-4">
          <Composer value={input} onChange={setInput} onSubmit={() => ask(input)} onStop={halt} busy={busy} disabled={!datasetId} />
        </div>
      </div>
    </div>
  );
}
