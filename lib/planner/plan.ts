import type { Catalog, CatalogColumn, CatalogTable } from '@/lib/warehouse/catalog';
import { isFraction, isKeyColumn, isNumeric, isTemporal } from './columns';
import type { PlannerKnowledge } from './knowledge';
import { chineseAliases } from './aliases';
import { chineseIdentifier, chineseTerm, englishText, hasChinese, identifierWords, inZh, isFiller, numberWord, singular, words as toWords } from './lexicon';
import { fansOut, graphOf, isDimension, joinPath, labelColumns, timeColumn, type Graph } from './link';
import { countingQuestion, writeRequest, type WriteRequest } from './write';
import { changeGrain, chineseNumerals, combineRanges, finerGrain, parseGrain, parseTimeRanges, rangePhrase, type DateRange, type Grain } from './time';

export type { Grain };
export type Aggregate = 'count' | 'sum' | 'avg' | 'median' | 'min' | 'max';
export type MeasureValue =
  | { kind: 'rows' }
  | { kind: 'column'; column: string }
  | { kind: 'distinct'; column: string }
  | { kind: 'revenue'; quantity: string; price: string; discount?: string }
  /** The percentage of the measured rows (orders) that have a row of `child` (a return), joined on `on`: [child column, measured column] pairs. */
  | { kind: 'rate'; child: CatalogTable; on: [string, string][] };
/**
 * `per`: the value is first summed for each row of that table (each order), then `fn` runs over those totals.
 * `kind`: what each buyer spent or bought, for "who spent the most".
 */
export type Measure = { fn: Aggregate; table: CatalogTable; value: MeasureValue; label: string; per?: CatalogTable; kind?: 'spent' | 'bought' };
export type Grouping =
  | { kind: 'column'; table: CatalogTable; column: string }
  | { kind: 'entity'; table: CatalogTable; key: string[]; labels: string[] }
  | { kind: 'time'; table: CatalogTable; column: string; grain: Grain };
export type Filter =
  | { table: CatalogTable; column: string; op: '=' | '<>' | '>' | '>=' | '<' | '<='; value: string | number }
  | { table: CatalogTable; column: string; op: 'in' | 'not in'; value: string[] };
/** Rows whose `column` falls in [from, to): dates as bound parameters. */
export type TimeRange = DateRange & { table: CatalogTable; column: string };
export type Plan = {
  measure: Measure;
  groupBy: Grouping[];
  filters: Filter[];
  range?: TimeRange;
  limit?: number;
  direction: 'desc' | 'asc';
  /** The limit keeps every row tied with the last one kept: "the most common genre". */
  ties: boolean;
  share: boolean;
  growth: boolean;
  /** "What percentage of orders were cancelled": the rows counted as the part of a share; `filters` and `range` pick the whole. */
  part?: Filter[];
};
/** Something said about a question, in each language an answer may be in. */
export type Phrase = { en: string; zh: string };
/** `write`: the question asks to change data, which is never planned; `suggestion` counts what it names instead. */
export type Planned = { ok: true; plan: Plan } | { ok: false; understood: Phrase[]; missing: Phrase[]; write?: WriteRequest & { suggestion?: string } };

/** One phrase in both languages, English first. */
export const said = (en: string, zh: string): Phrase => ({ en, zh });
/** A table, column or measure named in a Chinese phrase: `orders` -> 订单. */
const zhName = (name: string) => inZh(chineseIdentifier(name));
/** Words of a question as a Chinese one said them: the linker's `channel` is the question's 渠道. */
function saidInChinese(words: string[]): string {
  const spoken = words.map((w) => chineseTerm(w) ?? w);
  return spoken.join(spoken.every(hasChinese) ? '' : ' ');
}
const ZH_AGGREGATES: Record<Aggregate, string> = { count: '数量', sum: '总和', avg: '平均值', median: '中位数', min: '最小值', max: '最大值' };
/** "whether unit_price means products or order_items": a column that two tables hold. */
const whichOf = (column: string, tables: CatalogTable[]) =>
  said(`whether ${column} means ${tables.map((t) => t.name).join(' or ')}`, `${inZh(column)}指的是${tables.map((t) => inZh(t.name)).join('还是')}`);

const REVENUE_WORDS = new Set(['revenue', 'sale', 'turnover', 'income', 'gmv']);
const AGGREGATES: Record<string, Aggregate> = {
  sum: 'sum', average: 'avg', avg: 'avg', mean: 'avg', typical: 'avg', median: 'median', maximum: 'max', max: 'max', largest: 'max', biggest: 'max',
  minimum: 'min', min: 'min', smallest: 'min', highest: 'max', lowest: 'min',
};
const COUNT_WORDS = new Set(['count', 'number', 'many']);
/** "Order value", "invoice amount": what one row of a table is worth, from the rows under it. */
const ROW_VALUE_WORDS = new Set(['value', 'amount', 'total']);
const QUANTITY = /^(quantity|qty|units?|quantity_sold|units_sold)$/;
/** A column flagging a row as active: `active`, `is_active`, Pagila's `activebool`. */
const ACTIVE_FLAG = /^(is_)?active(_?flag|bool)?$/;
const MAX_JOINS = 4;
/** "Who spent the most?", "which customers bought the most", "top buyers": what was spent (or bought), ranked per buyer. */
const BUYING_WORDS = new Set(['buy', 'bought', 'purchase', 'purchased', 'spend', 'spent', 'spending', 'buyer', 'spender', 'purchaser', 'shopper']);
/** Words that name the buyer without naming a table: ranked per customer. */
const BUYER_WORDS = new Set(['who', 'buyer', 'spender', 'purchaser', 'shopper']);
/** "Best-selling products", "the most popular track", "best sellers": what is ranked by how much of it sold. */
const POPULAR_WORDS = new Set(['selling', 'seller', 'bestseller', 'bestselling', 'popular']);
export const BUYER_TABLE = /^(customer|client|buyer|purchaser|shopper)s?$/;
const DISTINCT_WORDS = new Set(['distinct', 'unique', 'different']);
/** How many rows "top customers", "which customers spent the most" list when no number is given. */
const TOP_N = 10;
const TOP_WORDS = new Set(['top', 'best', 'most', 'highest', 'largest', 'biggest', 'leading']);
const BOTTOM_WORDS = new Set(['bottom', 'worst', 'least', 'fewest', 'lowest', 'smallest']);
const NEGATIONS = /\b(not|excluding|exclude|except|other than|without|non|besides)\s+(?:(?:in|from|on|of|for|to|the|at|by|shipped|billed|sold|rated)\s+)*$/;
const SHARE = /\b(?:share|percentage|percent|proportion|fraction)\s+of\b|%\s*of\b|\bas a (?:share|percentage)\b/;
const GROWTH = /\b(growth|grow|change|increase|decrease|(?:year|month|quarter|week) over (?:year|month|quarter|week)|(?:vs|versus|compared (?:to|with)) (?:the )?(?:previous|last|prior) (?:period|year|month|quarter|week))\b/;
/** Words a question may use with no link of their own. */
const GRAMMAR = new Set([
  'by', 'per', 'each', 'for', 'across', 'top', 'bottom', 'only', 'just', 'now', 'instead', 'also', 'again', 'same', 'but', 'then', 'about',
  'which', 'where', 'when', 'did', 'had', 'ha', 'made', 'make', 'placed', 'generated', 'spent', 'sold', 'rank', 'ranked', 'ranking', 'order',
  'between', 'during', 'trend', 'period', 'previou', 'previous', 'year', 'month', 'week', 'day', 'quarter', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly',
  'annual', 'time', 'bucket', 'group', 'grouped', 'broken', 'distribution', 'split', 'overall', 'record', 'row', 'entrie', 'entry', 'item', 'line',
  'state', 'it', 'them', 'they', 'one', 'first', 'last', 'ever', 'currently', 'current', 'so', 'far', 'us', 'let', 'know', 'want', 'need', 'would',
  'like', 'hi', 'hello', 'thank', 'thanks', 'who', 'whom', 'in', 'there', 'come', 'came', 'through', 'via', 'using', 'with', 'get', 'got', 'place', 'given', 'appear', 'appearing', 's', 'billed', 'shipped', 'ship', 'sent', 'located', 'based', 'live', 'living', 'rated',
  ...REVENUE_WORDS, ...Object.keys(AGGREGATES), ...COUNT_WORDS, ...DISTINCT_WORDS, ...TOP_WORDS, ...BOTTOM_WORDS,
  'share', 'percentage', 'percent', 'proportion', 'fraction', 'breakdown', 'growth', 'grow', 'change', 'increase', 'decrease', 'compared', 'vs', 'versus',
  'not', 'excluding', 'exclude', 'except', 'other', 'without', 'non', 'besides', 'over', 'under', 'above', 'below', 'more', 'less', 'fewer',
  'greater', 'least', 'at', 'than', 'exceeding', 'equal', 'among',
]);

type Token = { word: string; used: boolean };
type Parsed = {
  tokens: Token[];
  filters: Filter[];
  range?: DateRange;
  grain?: Grain;
  /** Periods named together that cannot be shown side by side: "2023 vs 2025". */
  periods?: DateRange[];
  /** The grain comes only from periods shown side by side ("2024 vs 2025"), not from words such as "monthly". */
  sideBySide: boolean;
  /** "Which year…": the periods are what a superlative ranks. */
  rankedGrain: boolean;
  limit?: number;
  direction?: 'desc' | 'asc';
  share: boolean;
  growth: boolean;
  /** `at`: the token position where the comparison stood, after the words it applies to. */
  comparisons: { op: '>' | '>=' | '<' | '<='; value: number; at: number }[];
};

/** Tables with a primary key (base tables) win ties over views that repeat their columns. */
const keyed = (t: CatalogTable) => (t.primaryKey.length > 0 ? 1 : 0);

const normal = (s: string) => ` ${s.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, ' ').trim()} `;

/** Sampled values found in the text, longest first, each at most once; the text without them. */
function findValues(text: string, original: string, knowledge: PlannerKnowledge, graph: Graph): { found: { key: string; value: string; negated: boolean }[]; rest: string } {
  let rest = normal(text);
  // A very short value ("R", "PG") counts only when written exactly so, as a word of its own.
  const exact = new Set(original.split(/[^A-Za-z0-9-]+/));
  const found: { key: string; value: string; negated: boolean }[] = [];
  const candidates: { key: string; value: string; norm: string }[] = [];
  for (const [key, values] of Object.entries(knowledge.sampledValues)) {
    for (const value of values) {
      const norm = normal(value);
      if ((norm.trim().length < 3 && !exact.has(value)) || /^ [\d ]+ $/.test(norm)) continue;
      if (rest.includes(norm)) candidates.push({ key, value, norm });
    }
  }
  candidates.sort((a, b) => b.norm.length - a.norm.length);
  const taken = new Set<string>();
  for (const c of candidates) {
    // The same words in several columns are all kept; planning picks the column it can reach.
    if (taken.has(c.norm)) {
      found.push({ key: c.key, value: c.value, negated: found.find((f) => normal(f.value) === c.norm)?.negated ?? false });
      continue;
    }
    const at = rest.indexOf(c.norm);
    if (at < 0) continue;
    // A value that is also a table or column name ("orders", "category") is read as the name.
    const phrase = c.norm.trim();
    const isName = graph.names.has(phrase) || (phrase.endsWith('s') && graph.names.has(phrase.slice(0, -1)));
    if (isName) continue;
    const negated = NEGATIONS.test(rest.slice(0, at + 1));
    found.push({ key: c.key, value: c.value, negated });
    taken.add(c.norm);
    rest = `${rest.slice(0, at)} ${rest.slice(at + c.norm.length)}`;
  }
  return { found, rest };
}

function parse(question: string, knowledge: PlannerKnowledge, graph: Graph, today: Date): Omit<Parsed, 'filters'> & { values: ReturnType<typeof findValues>['found'] } {
  let text = chineseNumerals(question);
  if (hasChinese(text)) for (const [zh, en] of chineseAliases(graph.catalog, knowledge)) text = text.replaceAll(zh, en);
  const times = parseTimeRanges(text, today);
  for (const time of times) text = text.toLowerCase().replace(time.text, ' ');
  const grain = parseGrain(text);
  if (grain) text = text.toLowerCase().replace(grain.text, ' ');
  // Two or more periods are compared side by side, bucketed by their unit unless a finer one is asked.
  const compared = times.length > 1 ? combineRanges(times.map((t) => t.range)) : undefined;
  const range = times.length > 1 ? compared?.range : times[0]?.range;
  const bucket = compared && grain ? finerGrain(grain.grain, compared.grain) : compared?.grain ?? grain?.grain;
  const periods = times.length > 1 && !compared ? times.map((t) => t.range) : undefined;
  let english = englishText(text);
  const share = SHARE.test(english);
  english = english.replace(SHARE, ' ');
  const growth = GROWTH.test(english);
  const { found, rest } = findValues(english, question, knowledge, graph);
  english = rest;
  const comparisons: Parsed['comparisons'] = [];
  english = english.replace(
    /\b(more than|greater than|over|above|exceeding|at least|less than|fewer than|under|below|at most)\s+\$?(\d+(?:\.\d+)?)/g,
    (all, word: string, n: string, offset: number) => {
      const op = ({ 'more than': '>', 'greater than': '>', over: '>', above: '>', exceeding: '>', 'at least': '>=', 'less than': '<', 'fewer than': '<', under: '<', below: '<', 'at most': '<=' } as const)[word as 'over']!;
      comparisons.push({ op, value: Number(n), at: -1 });
      return ` zcompared${String.fromCharCode(96 + comparisons.length)} `;
    },
  );
  const tokens: Token[] = [];
  for (const word of toWords(english)) {
    const marker = /^zcompared([a-z])$/.exec(word);
    if (marker) comparisons[marker[1]!.charCodeAt(0) - 97]!.at = tokens.length;
    else tokens.push({ word, used: false });
  }
  let limit: number | undefined;
  let direction: 'desc' | 'asc' | undefined;
  tokens.forEach((t, i) => {
    const top = TOP_WORDS.has(t.word);
    const bottom = BOTTOM_WORDS.has(t.word);
    if (!top && !bottom) return;
    // "最畅销的5个产品" (best selling 5 products), "the 5 best-selling products": the number beside the ranking.
    const popular = POPULAR_WORDS.has(tokens[i + 1]?.word ?? '');
    const around = popular ? [tokens[i + 2], tokens[i - 1]].find((x) => x && numberWord(x.word) !== undefined) : undefined;
    const count = around ?? tokens[i + 1];
    const next = count && numberWord(count.word);
    if (next !== undefined || t.word === 'top' || t.word === 'bottom') {
      limit = next ?? limit ?? TOP_N;
      direction = bottom ? 'asc' : 'desc';
      t.used = true;
      if (next !== undefined) count!.used = true;
    } else if (direction === undefined) direction = bottom ? 'asc' : 'desc';
  });
  // "the 5 best-selling products", "前5": a number just before a ranked thing.
  return { tokens, range, grain: bucket, periods, sideBySide: compared !== undefined && !grain, rankedGrain: grain?.ranked === true, limit, direction, share, growth, comparisons, values: found };
}

type ColumnLink = { table: CatalogTable; column: CatalogColumn; score: number; at: number; width: number };
type TableLink = { table: CatalogTable; score: number; at: number; width: number };

/** Tables and columns whose names appear in the words, at each position. */
function link(graph: Graph, tokens: Token[]) {
  const words = tokens.map((t) => t.word);
  const matchesAt = (name: string[]): number[] => words.flatMap((_, i) => (name.every((w, k) => words[i + k] === w) ? [i] : []));
  const tables: TableLink[] = [];
  const columns: ColumnLink[] = [];
  // Only names sharing a word with the question can match: look them up by word.
  const candidateTables = new Set<CatalogTable>();
  const candidateColumns = new Set<[CatalogTable, CatalogColumn]>();
  for (const w of new Set(words)) {
    const hit = graph.byWord.get(w);
    if (!hit) continue;
    for (const t of hit.tables) candidateTables.add(t);
    for (const c of hit.columns) candidateColumns.add(c);
  }
  for (const table of candidateTables) {
    const name = graph.tableWords.get(table)!;
    // Each time it is named: 每个退货原因的退货数 (by return reason, the number of returns) names returns twice.
    const found = matchesAt(name);
    for (const at of found) tables.push({ table, score: name.length, at, width: name.length });
    if (found.length === 0 && name.length > 1 && words.includes(name.at(-1)!)) tables.push({ table, score: 0.5, at: words.indexOf(name.at(-1)!), width: 1 });
  }
  for (const [table, column] of candidateColumns) {
    const name = graph.columnWords.get(column)!;
    const at = matchesAt(name)[0] ?? -1;
    if (at >= 0) columns.push({ table, column, score: name.length, at, width: name.length });
    else if (name.length > 1 && !isKeyColumn(table, column)) {
      // "country" for billing_country, "price" for unit_price: the head word alone, weaker.
      const head = words.indexOf(name.at(-1)!);
      if (head >= 0) columns.push({ table, column, score: 0.5, at: head, width: 1 });
    }
  }
  return { tables, columns };
}

/** `to` is one row per row of `from`, a few joins away: no double counting. */
function reaches(graph: Graph, from: CatalogTable, to: CatalogTable): boolean {
  const path = joinPath(graph, from, to);
  return path !== undefined && path.length <= MAX_JOINS && !fansOut(path);
}

/** The one measure found, else the one on the table the question names. */
const chooseNear = <M extends { table: CatalogTable }>(found: M[], near?: CatalogTable) => (found.length <= 1 ? found[0] : near ? found.find((m) => m.table === near) : undefined);

const quantityColumn = (table: CatalogTable) => table.columns.find((c) => isNumeric(c) && QUANTITY.test(c.name));

/** What each sale is worth, on every table recording sales: quantity × price, else a money column named for what was paid. */
function revenueMeasures(graph: Graph): Omit<Measure, 'fn'>[] {
  const found: Omit<Measure, 'fn'>[] = [];
  for (const table of graph.catalog.tables) {
    const find = (re: RegExp) => table.columns.find((c) => isNumeric(c) && re.test(c.name));
    const quantity = quantityColumn(table);
    const price = find(/^(unit_?price|price|sale_price)$/);
    if (!quantity || !price) continue;
    const discount = find(/^discount(_rate|_pct)?$/);
    found.push({ table, label: 'revenue', value: { kind: 'revenue', quantity: quantity.name, price: price.name, discount: discount?.name } });
  }
  if (found.length === 0) {
    // No quantity and price: a money column named for what was paid.
    for (const table of graph.catalog.tables) {
      const column = table.columns.find((c) => isNumeric(c) && /^(amount|revenue|sales|total|total_amount|sales_amount)$/.test(c.name));
      if (column && graph.edges.get(table.id)!.some((e) => !e.fansOut)) found.push({ table, label: 'revenue', value: { kind: 'column', column: column.name } });
    }
  }
  return found;
}

const revenueMeasure = (graph: Graph, near?: CatalogTable) => chooseNear(revenueMeasures(graph), near);

/** "Units sold": the quantity column of a table that refers to what was sold (the order lines). */
const unitsMeasures = (graph: Graph): Omit<Measure, 'fn'>[] =>
  graph.catalog.tables.flatMap((table) => {
    const column = quantityColumn(table);
    return column && graph.edges.get(table.id)!.some((e) => !e.fansOut) ? [{ table, label: 'units sold', value: { kind: 'column' as const, column: column.name } }] : [];
  });

const unitsMeasure = (graph: Graph, near?: CatalogTable) => chooseNear(unitsMeasures(graph), near);

/**
 * What "best sellers" ranks when no table is named: the one labelled table the order lines refer
 * to (products, tracks), other than the one dating them (the order). A product may have a date
 * of its own (its launch): it is still what was sold.
 */
function soldThing(graph: Graph): CatalogTable | undefined {
  const things = unitsMeasures(graph).flatMap((m) =>
    graph.edges.get(m.table.id)!.filter((e) => !e.fansOut && e.to !== m.table && labelColumns(e.to) && timeColumn(graph, m.table)?.table !== e.to).map((e) => e.to),
  );
  return things.length === 1 ? things[0] : undefined;
}

/** "Best-selling products": units sold of each, else the dated rows recording a sale of one (its one event table), counted. */
function salesMeasure(graph: Graph, thing: CatalogTable): Omit<Measure, 'fn'> | undefined {
  const units = unitsMeasures(graph).filter((m) => m.table !== thing && reaches(graph, m.table, thing));
  // The table dating the sale (the order, and so its channel) is not what was sold.
  if (units.length === 1) return timeColumn(graph, units[0]!.table)?.table === thing ? undefined : units[0];
  const sales = units.length === 0 ? eventTables(graph, thing) : [];
  return sales.length === 1 ? { table: sales[0]!, value: { kind: 'rows' }, label: sales[0]!.name } : undefined;
}

/** "Median order value": the revenue of the rows under a named table, summed per row of it. */
function rowValueMeasure(graph: Graph, tables: TableLink[], tokens: Token[]): { measure: Omit<Measure, 'fn'>; at: number; width: number } | undefined {
  for (const link of tables) {
    const word = tokens[link.at + link.width]?.word;
    if (link.score < 1 || !word || !ROW_VALUE_WORDS.has(word) || link.table.primaryKey.length === 0) continue;
    const under = revenueMeasures(graph).filter((m) => m.table !== link.table && reaches(graph, m.table, link.table));
    if (under.length !== 1) continue;
    const label = `${graph.tableWords.get(link.table)!.join(' ')} ${word}`;
    return { measure: { ...under[0]!, label, per: link.table }, at: link.at, width: link.width + 1 };
  }
  return undefined;
}

/**
 * "Return rate": the percentage of the rows a table refers to that have a row of it, the orders
 * with a return. Those are its one parent placed in time by a date of its own and belonging to
 * something else (an order of a customer), not a catalogue row (a product). A phrase says what is unclear.
 */
function rateMeasure(graph: Graph, tables: TableLink[], columns: ColumnLink[], tokens: Token[]): { measure: Omit<Measure, 'fn'>; at: number; width: number } | Phrase | undefined {
  const rateAt = tokens.findIndex((t) => t.word === 'rate');
  const link = tables.find((t) => t.score >= 1 && t.at + t.width === rateAt);
  // "Rental rate" is Pagila's film.rental_rate, a column, not rentals counted.
  if (!link || columns.some((c) => c.score >= 1 && c.at <= rateAt && rateAt < c.at + c.width)) return undefined;
  const events = graph.edges.get(link.table.id)!.filter(
    (e) => !e.fansOut && e.to !== link.table && timeColumn(graph, e.to)?.table === e.to && graph.edges.get(e.to.id)!.some((p) => !p.fansOut && p.to !== e.to),
  );
  const name = graph.tableWords.get(link.table)!.join(' ');
  if (events.length !== 1) return said(`what the ${name} rate is a share of`, `${zhName(`${name} rate`)}是什么的占比`);
  const edge = events[0]!;
  const on = edge.fromColumns.map((c, k): [string, string] => [c, edge.toColumns[k]!]);
  return { measure: { table: edge.to, label: `${name} rate (%)`, value: { kind: 'rate', child: link.table, on } }, at: link.at, width: link.width + 1 };
}

/** Tables whose rows refer to a row of `table`, each once. */
const childTables = (graph: Graph, table: CatalogTable) => [...new Set(graph.edges.get(table.id)!.filter((e) => e.fansOut && e.to !== table).map((e) => e.to))];

/** Children placed in time by a date of their own or another parent's: a customer's orders; not its tags, nor an order's lines, dated by the order. */
const eventTables = (graph: Graph, table: CatalogTable) =>
  childTables(graph, table).filter((t) => {
    const when = timeColumn(graph, t);
    return when !== undefined && when.table !== table;
  });

/** The one base table referring to `table`: what "the most common genre" counts. */
function countedChild(graph: Graph, table: CatalogTable): CatalogTable | undefined {
  const children = childTables(graph, table).filter((t) => t.primaryKey.length > 0);
  return children.length === 1 ? children[0] : undefined;
}

/**
 * "The most common order status", "the most common genre": the table whose rows are counted. The
 * table named elsewhere in the question if it reaches the ranked thing, else the table holding the
 * ranked column, else the one table referring to the ranked table. A phrase says what is unclear.
 */
function commonSubject(graph: Graph, at: number, tables: TableLink[], columns: ColumnLink[]): CatalogTable | Phrase {
  const named = tables.find((t) => t.at === at && t.score >= 1);
  const owned = named && columns.find((c) => c.at === at + named.width && c.table === named.table && isDimension(c.table, c.column));
  if (named && owned) return named.table;
  // Views repeating a base table's column ("rating" in film and film_list) lose to the base table.
  const links = columns
    .filter((c) => c.at === at && isDimension(c.table, c.column))
    .sort((a, b) => b.score - a.score || keyed(b.table) - keyed(a.table))
    .filter((c, _, all) => c.score === all[0]!.score && keyed(c.table) === keyed(all[0]!.table));
  const ranked = named ? [named.table] : [...new Set(links.map((c) => c.table))];
  // "The most common country among customers": a table named elsewhere picks the column it holds or reaches.
  const counted = tables.find((t) => t.score >= 1 && t.at !== at && ranked.some((r) => (r === t.table ? !named : reaches(graph, t.table, r))));
  if (counted) return counted.table;
  if (!named) return ranked.length === 1 ? ranked[0]! : whichOf(links[0]!.column.name, ranked);
  return countedChild(graph, named.table) ?? said(`what to count to find the most common ${named.table.name}`, `要数什么才能找出最常见的${zhName(named.table.name)}`);
}

const SUPERLATIVE = /^(most|fewest|least)$/;

/**
 * "Which genre has the most tracks?": the table a superlative counts, the one after it. Chinese puts
 * it before: 订单最多的渠道 (orders most, the channel), 哪个渠道的订单最多; what follows is what is ranked.
 */
function superlativeTable(named: TableLink[], tokens: Token[], chinese: boolean): TableLink | undefined {
  const after = named.find((t) => t.at > 0 && SUPERLATIVE.test(tokens[t.at - 1]!.word));
  return chinese ? named.find((t) => SUPERLATIVE.test(tokens[t.at + t.width]?.word ?? '')) : after;
}

/** "Active customers", "活跃客户数" (active count customers), "customers who are active", "new customers": the table `word` qualifies. */
function qualifiedLink(tokens: Token[], tables: TableLink[], word: string): { at: number; table: CatalogTable } | undefined {
  const at = tokens.findIndex((t) => t.word === word);
  if (at < 0) return undefined;
  const link =
    tables.find((t) => t.score >= 1 && t.at > at && tokens.slice(at + 1, t.at).every((x) => x.word === 'count')) ??
    tables.findLast((t) => t.score >= 1 && t.at + t.width <= at && tokens.slice(t.at + t.width, at).every((x) => isFiller(x.word) || x.word === 'who'));
  return link && { at, table: link.table };
}

/** The date a row of `table` was created: a customer's signup date, Pagila's create_date. */
const createdColumn = (table: CatalogTable) =>
  table.columns.find((c) => isTemporal(c) && /^(signup|sign_up|signed_up|created?|registered|registration|joined|join)(_?(date|at|on|time))?$|^date_(created|joined|registered)$/.test(c.name));

/** The flag column marking a row active, true as a bound value: a boolean first, else a 0/1 number. */
function activeFilter(table: CatalogTable): Filter | undefined {
  const flags = table.columns.filter((c) => ACTIVE_FLAG.test(c.name) && (c.type === 'boolean' || isNumeric(c)));
  const flag = flags.find((c) => c.type === 'boolean') ?? flags[0];
  return flag && { table, column: flag.name, op: '=', value: flag.type === 'boolean' ? 'true' : 1 };
}

function glossaryMeasure(graph: Graph, knowledge: PlannerKnowledge, tokens: Token[]): Omit<Measure, 'fn'> | undefined {
  for (const term of knowledge.glossary) {
    const termWords = toWords(term.term);
    if (!termWords.length || !termWords.every((w) => tokens.some((t) => t.word === w))) continue;
    // A glossary formula of the form quantity * price [* (1 - discount)] on one table, the one it names if it does.
    const cols = [...(term.sql ?? '').matchAll(/([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!);
    const named = [...(term.sql ?? '').matchAll(/([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\.[a-z_]/gi)].map((m) => graph.byId.get(`${m[1]}.${m[2]}`)).filter((t) => t !== undefined);
    for (const table of named.length ? named : graph.catalog.tables) {
      const names = new Set(table.columns.map((c) => c.name));
      const used = cols.filter((c) => names.has(c));
      const quantity = used.find((c) => /qty|quantity|units?/.test(c));
      const price = used.find((c) => /price/.test(c));
      if (quantity && price) {
        for (const t of tokens) if (termWords.includes(t.word)) t.used = true;
        return { table, label: term.term, value: { kind: 'revenue', quantity, price, discount: used.find((c) => /discount/.test(c)) } };
      }
    }
  }
  return undefined;
}

export type PlanOptions = { knowledge: PlannerKnowledge; today: Date; previous?: Plan };

const use = (tokens: Token[], at: number, width: number) => {
  for (let k = at; k < at + width; k++) if (tokens[k]) tokens[k].used = true;
};

/** Question -> plan over the catalog, or what was and was not understood. */
export function planQuestion(question: string, catalog: Catalog, { knowledge, today, previous }: PlanOptions): Planned {
  const graph = graphOf(catalog);
  const write = writeRequest(question, graph);
  if (write) return { ok: false, understood: [], missing: [], write: { ...write, suggestion: readInstead(write, catalog, knowledge, today) } };
  const p = parse(question, knowledge, graph, today);
  const { tokens } = p;
  const words = tokens.map((t) => t.word);
  const understood: Phrase[] = [];
  const missing: Phrase[] = [];
  if (p.periods) missing.push(said(`how to compare ${p.periods.map((r) => r.label).join(' with ')} side by side`, `如何并列比较${p.periods.map((r) => r.zh).join('与')}`));
  const { tables, columns } = link(graph, tokens);
  const byAt = words.indexOf('by') >= 0 ? words.indexOf('by') : words.indexOf('per');
  const cue = previous !== undefined && (/^\s*(now|and|what about|how about|instead|same|also|only|just|but|then|as a|as an|excluding|except|without|break|split)\b/i.test(question) || /^(现在|那|再|改|换|只|同样|仅|除了|去掉)|呢[？?]?$/.test(question.trim()));

  // The measure; `explicit` when the question names it rather than only a table to count.
  let measure: Measure | undefined;
  let explicit = true;
  const rankWords = new Set(['highest', 'lowest', 'largest', 'biggest', 'smallest']);
  // "Highest average likes": the average is the measure, "highest" ranks.
  const plainAggregate = tokens.some((t) => AGGREGATES[t.word] && !rankWords.has(t.word));
  const fnWord = tokens.find((t) => AGGREGATES[t.word] && !((p.limit !== undefined || byAt >= 0 || plainAggregate) && rankWords.has(t.word)));
  const fn = fnWord ? AGGREGATES[fnWord.word]! : undefined;
  const countAt = words.findIndex((w) => COUNT_WORDS.has(w));
  const counting = countAt >= 0;
  const revenueAt = words.findIndex((w) => REVENUE_WORDS.has(w));
  const glossary = glossaryMeasure(graph, knowledge, tokens);
  // "The most common (sales) channel": counted rows ranked by the first table or column named after it.
  const commonAt = words.findIndex((w, i) => (w === 'common' || w === 'frequent') && (words[i - 1] === 'most' || words[i - 1] === 'least'));
  const rankedAt = commonAt < 0 ? -1 : tokens.findIndex((_, i) => i > commonAt && (tables.some((t) => t.at === i && t.score >= 1) || columns.some((c) => c.at === i && isDimension(c.table, c.column))));
  // "Units sold": not "price per unit", nor a column or table whose name holds "unit" (unit_price, units_in_stock).
  const unitsAt = words.findIndex((w, i) => w === 'unit' && !/^(per|each|a)$/.test(words[i - 1] ?? '') && ![...columns, ...tables].some((l) => l.score >= 1 && l.at <= i && i < l.at + l.width));
  const rowValue = fn && fn !== 'sum' ? rowValueMeasure(graph, tables, tokens) : undefined;
  const rate = rateMeasure(graph, tables, columns, tokens);
  const rateAt = rate && 'at' in rate ? rate.at : -1;
  const active = qualifiedLink(tokens, tables, 'active');
  const fresh = qualifiedLink(tokens, tables, 'new');
  const buyingAt = p.direction ? words.findIndex((w) => BUYING_WORDS.has(w)) : -1;
  const popularAt = p.direction ? words.findIndex((w) => POPULAR_WORDS.has(w)) : -1;
  const itemsAt = buyingAt >= 0 ? (unitsAt >= 0 ? unitsAt : words.indexOf('item')) : -1;
  // A column named just before a comparison ("unit price over 100") filters; it is not the measure.
  const compared = new Set(p.comparisons.map((c) => c.at));
  const inComparison = (l: { at: number; width: number }) => compared.has(l.at + l.width);
  const mentioned = (table: CatalogTable) => tables.find((t) => t.table === table && t.score >= 1);
  /** The measure `find` gives, on the first table the question names that has one. */
  const namedMeasure = (find: typeof revenueMeasure) => find(graph, tables.find((t) => t.score >= 1 && find(graph, t.table))?.table);
  const numericLinks = columns
    .filter((c) => isNumeric(c.column) && !isKeyColumn(c.table, c.column) && c.score >= 1 && !inComparison(c) && c.at !== active?.at)
    .sort((a, b) => b.score - a.score || Number(!!mentioned(b.table)) - Number(!!mentioned(a.table)) || a.at - b.at || keyed(b.table) - keyed(a.table));
  let popular: CatalogTable | undefined;
  let unitsMeasuredAt = -1;
  const afterRanking = tokens.findIndex((t, i) => i > 0 && (TOP_WORDS.has(tokens[i - 1]!.word) || BOTTOM_WORDS.has(tokens[i - 1]!.word) || numberWord(tokens[i - 1]!.word) !== undefined) && tables.some((l) => l.at === i));
  if (glossary) {
    measure = { ...glossary, fn: fn ?? 'sum' };
  } else if (commonAt >= 0) {
    const subject = rankedAt < 0 ? said('what is the most common', '什么最常见') : commonSubject(graph, rankedAt, tables, columns);
    if ('en' in subject) missing.push(subject);
    else measure = { fn: 'count', table: subject, value: { kind: 'rows' }, label: subject.name };
    tokens[commonAt]!.used = true;
    const hint = !('en' in subject) && mentioned(subject);
    if (hint) use(tokens, hint.at, hint.width);
  } else if (popularAt >= 0 && revenueAt < 0 && !counting && numericLinks.length === 0) {
    const named = tables.find((t) => t.score >= 1 && t.at > popularAt)?.table ?? columns.find((c) => c.score >= 1 && c.at > popularAt && isDimension(c.table, c.column))?.table;
    popular = named ?? soldThing(graph);
    const sales = popular && salesMeasure(graph, popular);
    if (sales) measure = { ...sales, fn: sales.value.kind === 'rows' ? 'count' : 'sum' };
    else missing.push(said(`how sales of ${popular?.name ?? 'what was sold'} are counted`, `${popular ? zhName(popular.name) : '所售之物'}的销量如何计算`));
    tokens[popularAt]!.used = true;
  } else if (revenueAt >= 0 && !(counting && tables.some((t) => t.score >= 1 && t.at > countAt && t.at <= countAt + 3))) {
    const revenue = namedMeasure(revenueMeasure);
    if (revenue) {
      measure = { ...revenue, fn: fn ?? 'sum' };
      tokens[revenueAt]!.used = true;
    } else missing.push(said('how revenue is computed here', '这里的销售额如何计算'));
  } else if (numericLinks.length && !(counting && !fn)) {
    const best = numericLinks[0]!;
    const rival = numericLinks.find((l) => l !== best && l.score === best.score && l.at === best.at && !!mentioned(l.table) === !!mentioned(best.table) && keyed(l.table) === keyed(best.table));
    // "Average unit price" with two tables holding a unit_price and neither named: do not pick one.
    if (rival) missing.push(whichOf(best.column.name, [best.table, rival.table]));
    measure = { fn: fn ?? 'sum', table: best.table, value: { kind: 'column', column: best.column.name }, label: best.column.name };
    use(tokens, best.at, best.width);
    const hint = mentioned(best.table);
    if (hint) use(tokens, hint.at, hint.width);
  } else if (rate && 'en' in rate) {
    missing.push(rate);
  } else if (rate) {
    // A rate is the average of "has one" over the rows: "the median return rate" means nothing more.
    if (fnWord && !rankWords.has(fnWord.word) && fn !== 'avg') missing.push(said(`the ${fnWord.word} of a rate`, `比率的${ZH_AGGREGATES[fn!]}`));
    measure = { ...rate.measure, fn: 'avg' };
    use(tokens, rate.at, rate.width);
  } else if (buyingAt >= 0) {
    // Money spent, the revenue measure, unless units or items were bought; a superlative ranks, it does not aggregate.
    const bought = namedMeasure(itemsAt >= 0 ? unitsMeasure : revenueMeasure);
    if (bought) {
      const kind = itemsAt >= 0 ? 'bought' : 'spent';
      measure = { ...bought, fn: 'sum', label: kind === 'bought' ? 'units bought' : 'amount spent', kind };
      for (const t of tokens) if (BUYING_WORDS.has(t.word)) t.used = true;
      if (itemsAt >= 0) tokens[itemsAt]!.used = true;
    } else missing.push(itemsAt >= 0 ? said('which quantity was bought', '购买的是哪个数量') : said('how spending is computed here', '这里的消费金额如何计算'));
  } else if (unitsAt >= 0) {
    const units = namedMeasure(unitsMeasure);
    if (units) {
      measure = { ...units, fn: fn ?? 'sum' };
      tokens[unitsAt]!.used = true;
      unitsMeasuredAt = unitsAt;
    } else missing.push(said('which quantity "units" means', '“件数”指的是哪个数量'));
  } else if (rowValue) {
    measure = { ...rowValue.measure, fn: fn! };
    use(tokens, rowValue.at, rowValue.width);
  } else {
    const distinctAt = words.findIndex((w) => DISTINCT_WORDS.has(w));
    const distinctLinks = distinctAt >= 0 ? columns.filter((c) => c.at > distinctAt && !isNumeric(c.column) && c.score >= 1).sort((a, b) => a.at - b.at || b.score - a.score || Number(!!mentioned(b.table)) - Number(!!mentioned(a.table)) || keyed(b.table) - keyed(a.table)) : [];
    const distinct = distinctLinks[0];
    const rival = distinct && distinctLinks.find((l) => l !== distinct && l.at === distinct.at && l.score === distinct.score && !!mentioned(l.table) === !!mentioned(distinct.table) && keyed(l.table) === keyed(distinct.table));
    if (rival) missing.push(whichOf(distinct.column.name, [distinct.table, rival.table]));
    // What is counted: the table right after "number of"/"how many", else the first one not being ranked or grouped by.
    const named = tables.filter((t) => t.score >= 1).sort((a, b) => a.at - b.at || b.score - a.score);
    const subject =
      (counting ? named.find((t) => t.at > countAt && t.at <= countAt + 3) : undefined) ??
      named.find((t) => t.at !== afterRanking && tokens[t.at - 1]?.word !== 'by' && tokens[t.at - 1]?.word !== 'per');
    const superlative = !counting && p.limit === undefined && p.direction ? superlativeTable(named, tokens, hasChinese(question)) : undefined;
    const grouped = byAt >= 0 || p.grain !== undefined || p.limit !== undefined || p.share || p.growth || p.comparisons.length > 0 || p.values.length > 0 || p.range !== undefined;
    if (distinct) {
      measure = { fn: 'count', table: distinct.table, value: { kind: 'distinct', column: distinct.column.name }, label: `distinct ${distinct.column.name}` };
      use(tokens, distinct.at, distinct.width);
      tokens[distinctAt]!.used = true;
      const hint = mentioned(distinct.table);
      if (hint) use(tokens, hint.at, hint.width);
    } else if (superlative) {
      // "Which genre has the most tracks?": the superlative counts the table it qualifies.
      measure = { fn: 'count', table: superlative.table, value: { kind: 'rows' }, label: superlative.table.name };
      use(tokens, superlative.at, superlative.width);
    } else if (subject && (counting || grouped)) {
      explicit = counting;
      measure = { fn: 'count', table: subject.table, value: { kind: 'rows' }, label: subject.table.name };
      use(tokens, subject.at, subject.width);
    }
  }
  if (fnWord && measure) fnWord.used = true;
  if (counting) for (const t of tokens) if (COUNT_WORDS.has(t.word) || t.word === 'how') t.used = true;
  // "Number of orders and revenue by channel": a plan has one measure, and would drop the other.
  const countsTable = counting && tables.some((t) => t.score >= 1 && t.at > countAt && t.at <= countAt + 3);
  // "Sales channel" names the channel, not what is measured.
  const qualifies = [...tables, ...columns].some((l) => l.at === revenueAt + 1);
  const unmeasured = (revenueAt >= 0 && !tokens[revenueAt]!.used && !qualifies) || (countsTable && measure !== undefined && measure.value.kind !== 'rows' && measure.value.kind !== 'distinct');
  if (measure && unmeasured) missing.push(said('how to answer two measures at once', '如何同时回答两个度量'));

  // A question with no measure of its own, after an answered one, changes that answer.
  const isFollowUp = previous !== undefined && (cue || !measure);
  if (isFollowUp && (!measure || !explicit)) measure = previous!.measure;
  if (!measure) {
    if (!missing.length) missing.push(said('what to measure', '要统计什么'));
    return { ok: false, understood, missing };
  }
  // "Active customers": the table's own flag; else, or over a period, the ones with a dated row of their own (an order).
  const flag = active && !p.range && !p.grain ? activeFilter(active.table) : undefined;
  if (active) {
    tokens[active.at]!.used = true;
    const counted = measure.value.kind === 'rows' && measure.table === active.table;
    // Only a named thing (a customer, not an order) is active by what it does.
    const events = flag || !labelColumns(active.table) ? [] : eventTables(graph, active.table);
    const key = events.length === 1 ? graph.edges.get(events[0]!.id)!.find((e) => e.to === active.table && !e.fansOut)?.fromColumns : undefined;
    if (counted && flag) measure = { ...measure, label: `active ${measure.label}` };
    else if (counted && key?.length === 1) measure = { fn: 'count', table: events[0]!, value: { kind: 'distinct', column: key[0]! }, label: `active ${active.table.name}` };
    else if (!flag) missing.push(said(`what makes ${active.table.name} active`, `怎样的${zhName(active.table.name)}算活跃`));
  }
  // "New customers each month": counted by the date each was created, which then places them in time.
  let created: { table: CatalogTable; column: string } | undefined;
  if (fresh) {
    tokens[fresh.at]!.used = true;
    const column = createdColumn(fresh.table);
    const counted = measure.value.kind === 'rows' && measure.table === fresh.table && !active;
    if (counted && column && (p.grain || p.range)) {
      created = { table: fresh.table, column: column.name };
      measure = { ...measure, label: `new ${measure.label}` };
    } else missing.push(column && counted ? said(`over which period ${fresh.table.name} are new`, `${zhName(fresh.table.name)}在哪段时间内算新增`) : said(`when one of the ${fresh.table.name} counts as new`, `${zhName(fresh.table.name)}何时算新增`));
  }
  understood.push(
    measure.value.kind === 'rows'
      ? said(`the number of ${measure.table.name}`, `${zhName(measure.table.name)}的数量`)
      : said(`${measure.fn} of ${measure.label}`, `${zhName(measure.label)}的${ZH_AGGREGATES[measure.fn]}`),
  );
  const base = measure.table;
  // A join may fan out once (counting distinct rows keeps that exact); a longer or doubly fanned path is a guess.
  const reachable = (table: CatalogTable) => {
    const path = joinPath(graph, base, table);
    if (!path || path.length > MAX_JOINS || path.filter((e) => e.fansOut).length > 1) return undefined;
    return measure!.value.kind === 'rows' || measure!.value.kind === 'distinct' || !fansOut(path) ? path : undefined;
  };
  const distance = (table: CatalogTable) => reachable(table)?.length ?? Infinity;

  // Value filters: each value's column, nearest to the measure's table.
  const filters: Filter[] = [];
  for (const v of p.values) {
    const [schema, table, column] = v.key.split('.');
    const owner = graph.byId.get(`${schema}.${table}`);
    if (!owner || !reachable(owner)) continue;
    filters.push({ table: owner, column: column!, op: v.negated ? '<>' : '=', value: v.value });
  }
  // The same value in two columns ("Books" as a category and a topic): keep the nearer one.
  const nearest = filters.filter((f) => !filters.some((g) => g !== f && g.value === f.value && distance(g.table) < distance(f.table)));
  // Several values of one column ("Europe vs North America") are one filter on any of them.
  const kept: Filter[] = [];
  const alternatives: Filter[] = [];
  for (const f of nearest) {
    const same = nearest.filter((g) => g.table === f.table && g.column === f.column && g.op === f.op);
    if (same.length === 1) kept.push(f);
    else if (same[0] === f) alternatives.push({ table: f.table, column: f.column, op: f.op === '=' ? 'in' : 'not in', value: same.map((g) => String(g.value)) });
  }
  kept.push(...alternatives);
  if (p.values.length && kept.length === 0) missing.push(said(`where ${p.values.map((v) => v.value).join(', ')} is recorded`, `${p.values.map((v) => inZh(v.value)).join('、')}记录在哪里`));
  if (flag && reachable(flag.table)) kept.push(flag);
  else if (flag) missing.push(said(`how ${measure.label} relates to ${flag.table.name}`, `${zhName(measure.label)}与${zhName(flag.table.name)}有何关联`));
  for (const f of kept) {
    const is = f.op === '=' || f.op === 'in';
    const values = [f.value].flat();
    understood.push(said(`${f.column} ${is ? 'is' : 'is not'} ${values.join(' or ')}`, `${zhName(f.column)}${is ? '为' : '不为'}${values.map((v) => inZh(String(v))).join('或')}`));
  }
  for (const t of tokens) if (['not', 'excluding', 'exclude', 'except', 'without', 'non', 'other', 'besides'].includes(t.word) && p.values.some((v) => v.negated)) t.used = true;

  // Numeric comparisons: the numeric column named just before them.
  for (const c of p.comparisons) {
    const target = columns
      .filter((l) => isNumeric(l.column) && l.at + l.width === c.at && reachable(l.table))
      .sort((a, b) => b.score - a.score || distance(a.table) - distance(b.table))[0];
    if (!target) {
      missing.push(said(`what "${c.op} ${c.value}" applies to`, `“${c.op} ${c.value}”指的是什么`));
      continue;
    }
    kept.push({ table: target.table, column: target.column.name, op: c.op, value: c.value });
    use(tokens, target.at, target.width);
    understood.push(said(`${target.column.name} ${c.op} ${c.value}`, `${target.column.name} ${c.op} ${c.value}`));
  }

  // Groupings: what follows "by"/"per"/"each", or what a ranking ranks.
  const groupBy: Grouping[] = [];
  const dimensionAt = (at: number): Grouping | undefined => {
    const cols = columns
      .filter((c) => c.at === at && isDimension(c.table, c.column) && reachable(c.table))
      .sort((a, b) => b.score - a.score || distance(a.table) - distance(b.table) || Number(b.table === base) - Number(a.table === base));
    const tbl = tables.filter((t) => t.at === at && t.score >= 1 && reachable(t.table)).sort((a, b) => b.score - a.score)[0];
    // "customers by region": the customers' own region column, not a region table several joins away.
    if (tbl && cols[0] && cols[0].score >= tbl.score && distance(cols[0].table) < distance(tbl.table)) {
      use(tokens, cols[0].at, cols[0].width);
      return { kind: 'column', table: cols[0].table, column: cols[0].column.name };
    }
    // "customer segment", "product category": a table's name, then one of its columns.
    const owned = tbl && columns.find((c) => c.at === at + tbl.width && c.table === tbl.table && isDimension(c.table, c.column));
    if (owned) {
      use(tokens, at, tbl.width + owned.width);
      return { kind: 'column', table: owned.table, column: owned.column.name };
    }
    const col = cols[0];
    // Counting a table's rows per row of that same table would give 1 everywhere.
    if (tbl && (!col || tbl.score >= col.score) && (tbl.table !== base || (p.limit !== undefined && measure!.value.kind !== 'rows'))) {
      if (tbl.table.primaryKey.length === 0) return undefined;
      const labels = labelColumns(tbl.table) ?? tbl.table.primaryKey;
      use(tokens, tbl.at, tbl.width);
      return { kind: 'entity', table: tbl.table, key: tbl.table.primaryKey, labels };
    }
    if (!col) return undefined;
    use(tokens, col.at, col.width);
    return { kind: 'column', table: col.table, column: col.column.name };
  };
  const starts = words.flatMap((w, i) => (w === 'by' || w === 'per' || w === 'each' || w === 'across' || (w === 'and' && i > byAt && byAt >= 0) ? [i + 1] : []));
  if (p.limit !== undefined || p.direction) starts.push(...words.flatMap((w, i) => (TOP_WORDS.has(w) || BOTTOM_WORDS.has(w) ? [i + 1, i + 2] : [])));
  if (rankedAt >= 0) starts.push(rankedAt);
  for (const at of [...new Set(starts)].sort((a, b) => a - b)) {
    if (tokens[at - 1]?.word === 'by' && tokens[at] && REVENUE_WORDS.has(tokens[at].word)) continue;
    // "Bought the most units", "sold the most units": what is measured is not grouped by (Northwind's quantity_per_unit).
    if (at === itemsAt || at === unitsMeasuredAt || at === rateAt) continue;
    const g = dimensionAt(at);
    if (g && !groupBy.some((x) => JSON.stringify([x.table.id, 'column' in x ? x.column : '']) === JSON.stringify([g.table.id, 'column' in g ? g.column : '']))) {
      groupBy.push(g);
      tokens[at - 1] && (tokens[at - 1]!.used = true);
    }
  }
  // "Most popular genre", "which category has the most...": a ranked table or column anywhere else.
  if (groupBy.length === 0 && (p.limit !== undefined || p.direction)) {
    for (let at = 0; at < tokens.length && groupBy.length === 0; at++) if (!tokens[at]!.used) {
      const g = dimensionAt(at);
      if (g) groupBy.push(g);
    }
  }
  // "Who spent the most", "top buyers": per customer.
  if (buyingAt >= 0 && groupBy.length === 0) {
    const buyer = words.some((w) => BUYER_WORDS.has(w)) ? graph.catalog.tables.find((t) => BUYER_TABLE.test(t.name) && t.primaryKey.length > 0 && reachable(t)) : undefined;
    if (buyer) groupBy.push({ kind: 'entity', table: buyer, key: buyer.primaryKey, labels: labelColumns(buyer) ?? buyer.primaryKey });
    else missing.push(said('who or what to rank by what was bought', '按购买量给谁或什么排名'));
  }
  // "Best sellers": the thing sold, when the question names none.
  if (popular && groupBy.length === 0 && popular.primaryKey.length > 0) groupBy.push({ kind: 'entity', table: popular, key: popular.primaryKey, labels: labelColumns(popular) ?? popular.primaryKey });
  // Compared values are shown side by side.
  for (const f of alternatives) if (f.op === 'in' && !groupBy.some((g) => g.kind === 'column' && g.table === f.table && g.column === f.column)) groupBy.push({ kind: 'column', table: f.table, column: f.column });
  if (p.grain || p.growth) {
    const when = created ?? timeColumn(graph, base);
    if (!when) missing.push(said('which date to use', '该用哪个日期'));
    else if (p.grain || p.growth) groupBy.unshift({ kind: 'time', ...when, grain: p.grain ?? changeGrain(p.range) });
  }
  // "Average likes per post": per row of the measured table itself, which is what an average is.
  const perOwnRow = tables.some((t) => t.at === byAt + 1 && t.table === base);
  if (byAt >= 0 && groupBy.length === 0 && !perOwnRow) {
    const after = words.slice(byAt + 1);
    missing.push(said(`what "${after.join(' ')}" groups by`, `“${saidInChinese(after)}”按什么分组`));
  }
  // "Which subcategory has the lowest revenue": with a grouping, a superlative ranks the groups.
  if (fnWord && rankWords.has(fnWord.word) && groupBy.length > 0 && measure.value.kind !== 'rate') {
    measure = { ...measure, fn: measure.value.kind === 'rows' || measure.value.kind === 'distinct' ? 'count' : 'sum' };
  }
  // "Which order has the highest discount", "top orders by discount": a total of fractions is meaningless, and their average or largest one a guess.
  if (measure.fn === 'sum' && fn !== 'sum' && groupBy.length > 0 && fractionOf(measure)) missing.push(fractionPhrase(p.direction, measure.label));
  if (/\b(day of (the )?week|weekday|hour|time of day|day of (the )?month)\b/.test(englishText(question))) missing.push(said('how to group by a part of a date', '如何按日期的某一部分分组'));
  if (!explicit && words.includes('list')) missing.push(said('how to list rows rather than count them', '如何列出各行而不是计数'));
  if (measure.value.kind === 'rows' && !counting && (words.includes('total') || words.includes('sum'))) missing.push(said(`what total of ${measure.table.name} is meant`, `指的是${zhName(measure.table.name)}的哪种总计`));
  if (measure.value.kind === 'rows' && fnWord && AGGREGATES[fnWord.word] !== 'count') {
    missing.push(said(`the ${fnWord.word} of a count, an aggregate of aggregates`, `计数的${ZH_AGGREGATES[AGGREGATES[fnWord.word]!]}（对聚合再聚合）`));
  }
  // "Average revenue per order" is an average of per-order totals, a two-level aggregate not planned here.
  if (measure.fn === 'avg' && words.includes('per') && groupBy.some((g) => g.kind === 'entity')) missing.push(said('whether "per" means an average of totals', '“每”是否指总计的平均值'));

  let range: TimeRange | undefined;
  if (p.range) {
    const when = created ?? timeColumn(graph, base);
    if (!when) missing.push(said('which date to use', '该用哪个日期'));
    else {
      range = { ...when, ...p.range };
      understood.push(said(rangePhrase(p.range, 'en'), rangePhrase(p.range, 'zh')));
    }
  }

  // An order's value cannot be split by anything finer than the order, such as the category of each line.
  const { per } = measure;
  for (const t of per ? new Set([...groupBy.map((g) => g.table), ...kept.map((f) => f.table), range?.table]) : []) {
    if (t && !reaches(graph, per!, t)) missing.push(said(`how to split the value of one ${identifierWords(per!.name).join(' ')} by ${t.name}`, `如何把每个${zhName(per!.name)}的金额按${zhName(t.name)}拆分`));
  }

  // "the Web channel", "rating PG": the name of a filtered column explains itself.
  for (const l of columns) if (kept.some((f) => f.table === l.table && f.column === l.column.name)) use(tokens, l.at, l.width);
  // Anything left unexplained means the question says something the plan would ignore.
  const unknown = tokens.filter((t) => !t.used && !isFiller(t.word) && !GRAMMAR.has(t.word) && numberWord(t.word) === undefined);
  // A table named on the way ("orders from customers in Bavaria") is explained by the joins the plan makes.
  const joined = new Set([base.id]);
  for (const target of [...groupBy.map((g) => g.table), ...kept.map((f) => f.table), range?.table]) {
    if (target) for (const edge of joinPath(graph, base, target) ?? []) joined.add(edge.to.id);
  }
  const leftover = unknown.filter((t) => !tables.some((l) => tokens[l.at] === t && joined.has(l.table.id)));
  if (leftover.length) {
    const unclear = leftover.map((t) => t.word);
    missing.push(said(`what "${unclear.join(' ')}" means here`, `“${saidInChinese(unclear)}”在这里是什么意思`));
  }

  // "Which platform has the most likes?": one answer, the first; "which platforms…" lists the top ones.
  // "Who spent the most?" asks for one buyer too.
  const english = englishText(question);
  const which = /^\s*(which|what)\b/i.test(english) || (buyingAt >= 0 && /^\s*who\b/i.test(english)) || /哪|最(高|多|少|低|大|小|好|差)的[^\d]*$/.test(chineseNumerals(question));
  const howMany = whichCount(question) ?? (asksForSeveral(question, graph) ? TOP_N : 1);
  const groups = groupBy.length > 0 ? groupBy : isFollowUp ? previous!.groupBy : [];
  // "The 3 most common genres": the number before the superlative, else the first (or first few) and any tied with them.
  const commonLimit = commonAt >= 0 ? numberWord(words[commonAt - 2] ?? '') ?? howMany : undefined;
  // "Best sellers", "biggest spenders": the top few, like "top customers"; "best sellers by month": the top few of each month.
  const ranked = popular !== undefined || buyingAt >= 0;
  const rankable = groups.length > 0 && (groups[0]!.kind !== 'time' || (ranked && groups.length > 1) || (p.rankedGrain && groups.length === 1));
  const limit = p.limit ?? commonLimit ?? (p.direction && rankable ? (which ? howMany : ranked ? TOP_N : undefined) : undefined);
  let plan: Plan = {
    measure,
    groupBy,
    filters: kept,
    range,
    limit,
    direction: p.direction ?? 'desc',
    ties: commonAt >= 0,
    share: p.share && groupBy.length > 0,
    growth: p.growth && groupBy[0]?.kind === 'time',
  };
  if (isFollowUp) {
    // "Average likes by platform", then "what about shares?": the average of shares.
    if (explicit && !fn && previous!.measure.value.kind === 'column' && plan.measure.value.kind === 'column') plan.measure = { ...plan.measure, fn: previous!.measure.fn };
    plan = merge(previous!, plan, { measure: explicit, groupBy: groupBy.length > 0, range: range !== undefined, limit: limit !== undefined, sideBySide: p.sideBySide });
  }
  if (plan.groupBy.length > 2) missing.push(said('how to group by more than two things at once', '如何同时按两个以上的维度分组'));
  // Also "the most common status", then "what about 2024 vs 2025?".
  if (plan.ties && plan.groupBy.length > 1) missing.push(said('how to find the most common one within each group', '如何在每组内找出最常见的一项'));
  // "What percentage of orders were cancelled": the one filter picks the part, all the rows are the whole.
  const partOf = p.share && !isFollowUp && plan.groupBy.length === 0 && measure.value.kind === 'rows' && kept.length > 0;
  if (partOf && kept.length === 1) plan = { ...plan, filters: [], part: kept, share: true };
  // "单价最高的产品" (the product with the most unit price): a superlative with nothing to rank would be ignored.
  const ranks = plan.limit !== undefined || (p.direction !== undefined && !fn);
  if (ranks && plan.groupBy.length === 0) missing.push(said('what to rank', '要对什么排名'));
  if (p.share && plan.groupBy.length === 0 && !plan.part) {
    missing.push(partOf ? said('which of the conditions picks the share and which the whole', '哪个条件选出部分、哪个选出整体') : said('what to take the share of', '要计算什么的占比'));
  }
  plan.share ||= p.share && plan.groupBy.length > 0;
  if (plan.limit !== undefined && plan.groupBy.length > 1 && plan.groupBy[0]!.kind === 'time' && (plan.share || plan.growth)) {
    missing.push(said(`how to rank ${plan.share ? 'shares' : 'growth'} within each period`, `如何在每个时期内对${plan.share ? '占比' : '增长'}排名`));
  }
  // The first and last periods may be partly covered and periods with no rows are absent, so either could pass for the lowest.
  if (p.rankedGrain && plan.direction === 'asc' && plan.limit !== undefined) missing.push(said('whether a partly covered or empty period counts as the lowest', '不完整或没有数据的时期是否算作最低'));
  if (missing.length) return { ok: false, understood, missing };
  return { ok: true, plan };
}

/** The measure is a column holding a fraction of each row: a discount. */
const fractionOf = ({ table, value }: Measure) => value.kind === 'column' && table.columns.some((c) => c.name === value.column && isFraction(c));

/** "Whether the highest discount means the average or the largest one": of the rows of each group. */
function fractionPhrase(direction: 'asc' | 'desc' | undefined, label: string): Phrase {
  const lowest = direction === 'asc';
  const [en, zh] = direction === undefined ? ['', ''] : lowest ? ['lowest ', '最低的'] : ['highest ', '最高的'];
  return said(`whether the ${en}${label} means the average or the ${lowest ? 'smallest' : 'largest'} one`, `${zh}${zhName(label)}指的是平均值还是${lowest ? '最小值' : '最大值'}`);
}

/** "Which 5 products…", "哪五个产品…": the number of rows asked for. */
function whichCount(question: string): number | undefined {
  const [, en, zh] = /^\s*which\s+(\d+)\b|哪\s*(\d+)/i.exec(chineseNumerals(question)) ?? [];
  const count = en ?? zh;
  return count === undefined ? undefined : Number(count);
}

/** "Which customers…", "which product categories…", "哪些客户…": a plural asks for several rows, not the first. */
function asksForSeveral(question: string, graph: Graph): boolean {
  if (question.includes('哪些')) return true;
  const [, first = '', second = ''] = /^\s*(?:which|what)\s+([a-z]+)(?:\s+([a-z]+))?/.exec(question.toLowerCase()) ?? [];
  // "Which sales channel": a name after the first word is the noun, the first word qualifies it.
  const noun = graph.byWord.has(singular(second)) ? second : first;
  return graph.byWord.has(singular(noun)) && singular(noun) !== noun;
}

/** The question counting the rows a write names, if it plans as one. */
function readInstead(write: WriteRequest, catalog: Catalog, knowledge: PlannerKnowledge, today: Date): string | undefined {
  const question = countingQuestion(write, today);
  const planned = question ? planQuestion(question, catalog, { knowledge, today }) : undefined;
  return planned?.ok && planned.plan.measure.value.kind === 'rows' ? question : undefined;
}

/** A follow-up changes what it names and keeps the rest of the previous plan. */
function merge(previous: Plan, next: Plan, said: { measure: boolean; groupBy: boolean; range: boolean; limit: boolean; sideBySide: boolean }): Plan {
  const filters = [...previous.filters.filter((f) => !next.filters.some((g) => g.table === f.table && g.column === f.column)), ...next.filters];
  let groupBy = said.groupBy ? next.groupBy : previous.groupBy;
  // "As a monthly trend": the time bucket replaces the grouping; a ranking no longer applies.
  const timeOnly = said.groupBy && next.groupBy.every((g) => g.kind === 'time');
  if (timeOnly) groupBy = next.groupBy;
  // "Revenue by region", then "what about 2024 vs 2025?": the periods side by side, each still by region, in the earlier bucket if finer.
  const [bucket] = next.groupBy;
  // "Top 5 products", then "what about 2024 vs 2025?": the top 5 of each period.
  const sideBySide = timeOnly && said.sideBySide && bucket?.kind === 'time';
  if (sideBySide) {
    const before = previous.groupBy.find((g) => g.kind === 'time');
    groupBy = [{ ...bucket, grain: before ? finerGrain(before.grain, bucket.grain) : bucket.grain }, ...previous.groupBy.filter((g) => g.kind !== 'time')];
  }
  return {
    measure: said.measure ? next.measure : previous.measure,
    groupBy,
    filters,
    range: said.range ? next.range : previous.range,
    limit: timeOnly && !sideBySide ? undefined : said.limit ? next.limit : said.groupBy && !sideBySide ? undefined : previous.limit,
    direction: said.limit ? next.direction : previous.direction,
    ties: said.limit ? next.ties : previous.ties,
    share: next.share || (previous.share && !said.groupBy),
    growth: next.growth,
    part: said.measure || said.groupBy ? next.part : previous.part,
  };
}

export function groupLabel(g: Grouping): string {
  return g.kind === 'column' ? g.column : g.kind === 'time' ? g.grain : g.table.name;
}
