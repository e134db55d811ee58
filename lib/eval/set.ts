import { z } from 'zod';

export const evalItemSchema = z
  .object({
    id: z.string().min(1),
    dataset: z.string().min(1),
    question: z.string().min(1),
    gold_sql: z.string().min(1).nullable(),
    expect: z.enum(['answer', 'abstain']),
    lang: z.enum(['en', 'zh']).optional(),
    class: z.string().optional(),
    ordered: z.boolean().optional(),
    followup_of: z.string().optional(),
  })
  .refine((item) => (item.expect === 'answer') === (item.gold_sql !== null), {
    message: 'gold_sql is required when expect is "answer", and null when it is "abstain"',
  });

export type EvalItem = z.infer<typeof evalItemSchema>;

const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

/** One JSON object per line; a follow-up must name an earlier item of the same dataset. */
export function parseSet(text: string, source = 'set'): EvalItem[] {
  const items: EvalItem[] = [];
  const seen = new Map<string, EvalItem>();
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not valid JSON (${(error as Error).message}).`);
    }
    const parsed = evalItemSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'item'} ${i.message}`).join('; ')}.`);
    const item = { ...parsed.data, lang: parsed.data.lang ?? (hasChinese(parsed.data.question) ? 'zh' : 'en') } as EvalItem;
    if (seen.has(item.id)) throw new Error(`${where}: duplicate id "${item.id}".`);
    if (item.followup_of) {
      const previous = seen.get(item.followup_of);
      if (!previous) throw new Error(`${where}: followup_of "${item.followup_of}" must name an earlier item.`);
      if (previous.dataset !== item.dataset) throw new Error(`${where}: a follow-up must stay on the dataset of "${item.followup_of}".`);
    }
    seen.set(item.id, item);
    items.push(item);
  });
  return items;
}

/** The questions leading to an item, oldest first, ending with the item itself. */
export function conversationOf(item: EvalItem, byId: Map<string, EvalItem>): EvalItem[] {
  const chain = [item];
  for (let at = item.followup_of; at; at = byId.get(at)?.followup_of) chain.unshift(byId.get(at)!);
  return chain;
}
