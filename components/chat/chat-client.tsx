'use client';

import { useChat, type UseChatHelpers } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { QuarryUIMessage } from '@/lib/ai/tools';

export type ChatHelpers = Pick<UseChatHelpers<QuarryUIMessage>, 'id' | 'messages' | 'setMessages' | 'sendMessage' | 'status' | 'stop' | 'error' | 'regenerate'>;

type Props = {
  id: string;
  initialMessages: QuarryUIMessage[];
  /** The dataset a question goes to, read when it is sent. */
  datasetId: RefObject<string | undefined>;
  /** A question asked before this client loaded: sent as soon as it has. */
  question: QuarryUIMessage | undefined;
  /** Retry was pressed before this client loaded: the last question is sent again as soon as it has. */
  retry: boolean;
  /** Called with the chat's state and actions whenever its state changes. */
  onChange: (chat: ChatHelpers) => void;
};

/**
 * The AI SDK's chat client, with the zod it checks the stream with: sends questions, streams the
 * answers, picks up one still being written. Renders nothing; the page renders what it reports.
 * Loaded once the page has hydrated (see chat.tsx).
 */
export function ChatClient({ id, initialMessages, datasetId, question, retry, onChange }: Props) {
  const transport = useMemo(
    () =>
      new DefaultChatTransport<QuarryUIMessage>({
        api: '/api/chat',
        // Only the new message travels: the server loads the history it stored.
        prepareSendMessagesRequest: ({ id, messages }) => ({
          body: { conversationId: id, datasetId: datasetId.current, message: messages.at(-1) },
        }),
      }),
    [datasetId],
  );
  const { messages, setMessages, sendMessage, status, stop, error, regenerate } = useChat<QuarryUIMessage>({
    id,
    messages: initialMessages,
    transport,
    // A saved conversation may have an answer still being written (a reload mid-answer): pick it up.
    resume: initialMessages.length > 0,
  });

  // Once, also when React runs effects twice (development) or sendMessage changes with the conversation.
  const sent = useRef<string>(undefined);
  useEffect(() => {
    if (!question || sent.current === question.id) return;
    sent.current = question.id;
    void sendMessage(question);
  }, [question, sendMessage]);

  const retried = useRef(false);
  useEffect(() => {
    if (!retry || retried.current) return;
    retried.current = true;
    void regenerate();
  }, [retry, regenerate]);

  useEffect(
    () => onChange({ id, messages, setMessages, sendMessage, status, stop, error, regenerate }),
    [onChange, id, messages, setMessages, sendMessage, status, stop, error, regenerate],
  );
  return null;
}
