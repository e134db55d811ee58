import type { Graph } from './link';
import { hasChinese, words as toWords } from './lexicon';
import { combineRanges, parseTimeRanges, rangePhrase } from './time';

/** A command to change data: its verb and what it would act on, as the question says them. */
export type WriteRequest = { verb: string; object: string };

/** Verbs that only ever change data or access. */
const WRITES = /^(delete|truncate|insert|upsert|grant|revoke|erase|purge|wipe)$/;
/** Verbs that change data when what follows is data: "drop the orders table", not "drop the filter" nor "drop in revenue". */
const MAYBE_WRITES = /^(remove|drop|clear|update|change|modify|edit|alter|set|add|create|rename|replace|overwrite|reset|mark|cancel|increase|decrease|raise|lower|merge|archive|restore|assign)$/;
/** Adding or creating is a write when it names something new: "add a customer", "create table", not "add up revenue". */
const MAKING = /^(add|create)$/;
const NEW_THING = /^(a|an|new|another|some|more|\d+)$/;
const PREAMBLE = /^(?:please|kindly|now|just|also|ok(?:ay)?|go ahead and|let'?s|(?:can|could|would|will) you(?: please)?|i (?:want|need|would like)(?: you)? to)\s+/i;
/** What data is called when no table is named. */
const DATA_WORDS = new Set(['table', 'row', 'record', 'data', 'database', 'schema', 'column', 'entry', 'entrie', 'everything', 'all', 'every', 'field', 'view', 'user', 'permission', 'access', 'role', 'privilege']);
/** What an answer, not the data, is made of: "remove the filter" edits the question. */
const ANSWER_WORDS = new Set(['filter', 'grouping', 'breakdown', 'chart', 'graph', 'limit', 'sorting', 'condition', 'question', 'answer']);
const ANALYTIC_NEXT = /^(in|of|over|between|by|per|across|vs|versus|up)$/;

const ZH_PREAMBLE = /^(?:请你?|麻烦你?|帮我|帮忙|给我|你)+/;
const ZH_WRITES = /^(删除|删掉|删去|清空|清除|修改|更改|更新|插入|添加|创建|重命名|授予|撤销)/;
/** "把2023年的订单删掉": the object first, the verb last. */
const ZH_OBJECT_FIRST = /^把(.+?)(删除|删掉|删了|清空|清除)了?$/;
/** Words of a question, not a command: "更新过的订单有多少" asks about updates. */
const ZH_ASKING = /多少|几|哪|吗|什么|统计|数量|是否|[？?]/;

function englishWrite(question: string, graph: Graph): WriteRequest | undefined {
  // "From 2023 and 2024" names two periods of one command, not two commands.
  for (let clause of question.split(/[.;!?\n,]|\b(?:and then|then|and(?!\s+(?:(?:19|20)\d{2}|q[1-4]|last|this)\b))\b/i)) {
    clause = clause.trim();
    for (let before = ''; before !== clause; ) [before, clause] = [clause, clause.replace(PREAMBLE, '')];
    const [verb = '', next = '', ...rest] = clause.split(/\s+/);
    const said = verb.toLowerCase();
    if (!WRITES.test(said) && !MAYBE_WRITES.test(said)) continue;
    const object = clause.slice(verb.length).trim();
    const objectWords = toWords(object);
    const isData = objectWords.some((w) => DATA_WORDS.has(w) || graph.byWord.has(w));
    const maybe = isData && !ANALYTIC_NEXT.test(next.toLowerCase()) && !objectWords.some((w) => ANSWER_WORDS.has(w)) && (!MAKING.test(said) || NEW_THING.test(next.toLowerCase()) || [next, ...rest].some((w) => DATA_WORDS.has(w.toLowerCase())));
    if (WRITES.test(said) || maybe) return { verb: said, object };
  }
  return undefined;
}

function chineseWrite(question: string): WriteRequest | undefined {
  for (let clause of question.split(/[，。；！,.;!\n]|然后|并且/)) {
    clause = clause.trim().replace(ZH_PREAMBLE, '');
    if (ZH_ASKING.test(clause)) continue;
    const objectFirst = ZH_OBJECT_FIRST.exec(clause);
    if (objectFirst) return { verb: objectFirst[2]!, object: objectFirst[1]!.trim() };
    const verb = ZH_WRITES.exec(clause)?.[0];
    if (verb) return { verb, object: clause.slice(verb.length).trim() };
  }
  return undefined;
}

/** A request to delete, change or add data ("Delete all orders from 2023", "删除2023年的所有订单"), not a question about changes. */
export function writeRequest(question: string, graph: Graph): WriteRequest | undefined {
  return hasChinese(question) ? chineseWrite(question) : englishWrite(question, graph);
}

/**
 * The question counting what a command names, when it names rows: "all orders from 2023" -> "How
 * many orders were there in 2023?", "2023年的所有订单" -> "2023年有多少订单？". The caller checks it plans.
 */
export function countingQuestion({ object }: WriteRequest, today: Date): string | undefined {
  const zh = hasChinese(object);
  const target = object.split(zh ? /改为|改成|设为|设置为|为/ : /\s(?:to|as|with|set|=|where)\s/i)[0]!;
  // "All orders from 2023 and 2024": both years, or no suggestion at all, never the first alone.
  const times = parseTimeRanges(target, today);
  const time = times.length > 1 ? combineRanges(times.map((t) => t.range)) : times[0];
  if (times.length > 1 && !time) return undefined;
  let rest = times.reduce((text, t) => text.replace(t.text, ' '), times.length ? target.toLowerCase() : target);
  if (zh) {
    rest = rest.replace(/所有|全部|一切|这些|那些|全/g, '').replace(/^\s*(?:和|与|及)?\s*的|的\s*$/g, '').trim();
    return rest && `${time ? rangePhrase(time.range, 'zh') : ''}有多少${rest}？`;
  }
  rest = rest
    .replace(/\b(all|every|each|any|the|these|those|of|table|tables|rows?|records?|data|entries)\b/gi, ' ')
    .replace(/\b(and|or|vs|versus)\s*$/i, ' ')
    .replace(/\b(from|in|during|for|since|before|after|between)\s*$/i, ' ')
    .replace(/(^|\s)['’]s\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!rest) return undefined;
  return time ? `How many ${rest} were there ${rangePhrase(time.range, 'en')}?` : `How many ${rest} are there?`;
}
