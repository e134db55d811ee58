import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import type { Catalog } from '@/lib/warehouse/catalog';
import { chineseAliases } from './aliases';
import { compilePlan } from './compile';
import { hasChinese } from './lexicon';
import { noKnowledge, type PlannerKnowledge } from './knowledge';
import { planQuestion, said, type Plan, type Planned } from './plan';
import { abstention, refusal, summarize, type Lang, type ModelResult } from './summary';

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/** The questions asked so far (the last is the one to answer), and the result of the query run for it, if any yet. */
function readPrompt(prompt: LanguageModelV4Prompt): { questions: string[]; result?: ModelResult } {
  const lastUser = prompt.findLastIndex((m) => m.role === 'user');
  const questions = prompt.flatMap((m) => (m.role === 'user' ? [m.content.map((p) => (p.type === 'text' ? p.text : '')).join(' ').trim()] : []));
  for (const message of prompt.slice(lastUser + 1).reverse()) {
    if (message.role !== 'tool') continue;
    const part = message.content.findLast((p) => p.type === 'tool-result');
    if (part?.type === 'tool-result' && part.output.type === 'json') return { questions, result: part.output.value as ModelResult };
    if (part?.type === 'tool-result' && part.output.type === 'error-text') return { questions, result: { error: part.output.value } };
  }
  return { questions };
}

/**
 * Plans the conversation's questions in turn, each follow-up changing the plan before it; an
 * earlier question that could not be planned leaves no context.
 */
export function planConversation(questions: string[], catalog: Catalog, knowledge: PlannerKnowledge, today: Date): Planned {
  let previous: Plan | undefined;
  let planned: Planned = { ok: false, understood: [], missing: [said('a question', '问题是什么')] };
  for (const question of questions) {
    planned = planQuestion(question, catalog, { knowledge, today, previous });
    if (planned.ok && compilePlan(planned.plan, catalog)) previous = planned.plan;
  }
  return planned;
}

/** One turn of the planner: a runQuery tool call first, then a summary of its result. */
function respond(catalog: Catalog, knowledge: PlannerKnowledge, prompt: LanguageModelV4Prompt): LanguageModelV4Content[] {
  const { questions, result } = readPrompt(prompt);
  const question = questions.at(-1) ?? '';
  const lang: Lang = hasChinese(question) ? 'zh' : 'en';
  const planned = planConversation(questions, catalog, knowledge, new Date());
  const compiled = planned.ok ? compilePlan(planned.plan, catalog) : undefined;
  if (!planned.ok && planned.write) return [{ type: 'text', text: refusal(planned.write, lang) }];
  if (!planned.ok || !compiled) {
    const understood = planned.ok ? [] : planned.understood;
    const missing = planned.ok ? [said('how to join these tables without double counting', '如何连接这些表而不重复计数')] : planned.missing;
    return [{ type: 'text', text: abstention(understood, missing, catalog, knowledge, lang) }];
  }
  if (result) return [{ type: 'text', text: summarize(planned.plan, result, lang, chineseAliases(catalog, knowledge)) }];
  const purpose = lang === 'zh' ? `回答：${question}` : `Answer: ${question}`;
  return [
    {
      type: 'tool-call',
      toolCallId: `planner-${crypto.randomUUID()}`,
      toolName: 'runQuery',
      input: JSON.stringify({ sql: compiled.sql, params: compiled.params, purpose }),
    },
  ];
}

function finishReason(content: LanguageModelV4Content[]) {
  const calls = content.some((c) => c.type === 'tool-call');
  return { unified: calls ? ('tool-calls' as const) : ('stop' as const), raw: undefined };
}

/** The built-in offline model: deterministic question -> plan -> SQL, as an AI SDK language model. */
export function createPlannerModel(catalog: Catalog, knowledge: Partial<PlannerKnowledge> = {}): LanguageModelV4 {
  const known = { ...noKnowledge(), ...knowledge };
  return {
    specificationVersion: 'v4',
    provider: 'quarry',
    modelId: 'local',
    supportedUrls: {},
    async doGenerate(options: LanguageModelV4CallOptions) {
      const content = respond(catalog, known, options.prompt);
      return { content, finishReason: finishReason(content), usage, warnings: [] };
    },
    async doStream(options: LanguageModelV4CallOptions) {
      const content = respond(catalog, known, options.prompt);
      const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      for (const item of content) {
        if (item.type !== 'text') {
          parts.push(item as LanguageModelV4StreamPart);
          continue;
        }
        // Streamed a few words at a time, like any other model.
        const id = crypto.randomUUID();
        parts.push({ type: 'text-start', id });
        for (const piece of item.text.match(/\S+\s*|\s+/g) ?? []) parts.push({ type: 'text-delta', id, delta: piece });
        parts.push({ type: 'text-end', id });
      }
      parts.push({ type: 'finish', finishReason: finishReason(content), usage });
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}
