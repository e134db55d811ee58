import type { Catalog } from '@/lib/warehouse/catalog';
import type { PlannerKnowledge } from './knowledge';
import { identifierWords } from './lexicon';

const CJK_NAME = /^[\u3400-\u9fff]{2,8}/;
const CJK_IN_PARENS = /[（(]([\u3400-\u9fff]{2,8})[）)]/;

/** The Chinese name a description gives its table or column: "发货包裹：每个…" or "Customers (客户): …". */
function chineseName(description: string | null | undefined): string | undefined {
  if (!description) return undefined;
  return CJK_NAME.exec(description.trim())?.[0] ?? CJK_IN_PARENS.exec(description)?.[1];
}

const cache = new WeakMap<Catalog, WeakMap<PlannerKnowledge, [string, string][]>>();

/**
 * Chinese names of tables and columns, from the admin's descriptions or the catalog's comments,
 * each mapped to the English words of the identifier: a Chinese question can then name a
 * table the way its description does. A name given to two things is left out: it links neither.
 */
export function chineseAliases(catalog: Catalog, knowledge: PlannerKnowledge): [string, string][] {
  let byKnowledge = cache.get(catalog);
  if (!byKnowledge) cache.set(catalog, (byKnowledge = new WeakMap()));
  const hit = byKnowledge.get(knowledge);
  if (hit) return hit;
  const named = new Map<string, string | null>();
  const add = (name: string | undefined, identifier: string) => {
    if (!name) return;
    const words = ` ${identifierWords(identifier).join(' ')} `;
    named.set(name, named.has(name) && named.get(name) !== words ? null : words);
  };
  for (const table of catalog.tables) {
    add(chineseName(knowledge.descriptions[table.id] ?? table.comment), table.name);
    for (const column of table.columns) add(chineseName(knowledge.descriptions[`${table.id}.${column.name}`] ?? column.comment), column.name);
  }
  const aliases = [...named].flatMap(([zh, en]) => (en ? [[zh, en] as [string, string]] : [])).sort((a, b) => b[0].length - a[0].length);
  byKnowledge.set(knowledge, aliases);
  return aliases;
}
