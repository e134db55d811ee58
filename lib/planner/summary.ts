import { dateFormatters, type DateLabels } from '@/lib/charts/format';
import { intlLocale } from '@/lib/format';
import type { Catalog } from '@/lib/warehouse/catalog';
import { compilePlan } from './compile';
import type { PlannerKnowledge } from './knowledge';
import { chineseIdentifier, identifierWords, inZh, plural } from './lexicon';
import { BUYER_TABLE, groupLabel, planQuestion, type Aggregate, type Filter, type Grain, type Grouping, type Phrase, type Plan, type Planned } from './plan';
import { rangePhrase } from './time';

export type Lang = 'en' | 'zh';
export type ModelResult =
  | {
      columns: { name: string }[];
      rows: unknown[][];
      rowCount: number;
      truncated: boolean;
      /** Present when `rows` are only the first rows: the last few, and the extremes of every row. */
      lastRows?: unknown[][];
      extremes?: Record<string, { min: unknown[]; max: unknown[] }>;
    }
  | { error: string; hint?: string };

/** Two decimals, or three significant digits below 1, as the compiled query rounds averages: 0.0512, not 0.05. */
const format = (value: unknown, lang: Lang) =>
  typeof value === 'number'
    ? new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2, maximumSignificantDigits: 3, roundingPriority: 'morePrecision' }).format(value)
    : String(value);

/** A number to show. */
type Formatter = (value: unknown) => string;

/**
 * One format for all the values of a measure: two decimals for each when any has a fraction
 * (740,197.00 beside 945,505.41), whole numbers for counts, and small averages as `format` shows them.
 */
function measureFormat(values: unknown[], lang: Lang): Formatter {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.every(Number.isInteger) || Math.max(...numbers.map(Math.abs)) < 1) return (value) => format(value, lang);
  const decimals = new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (value) => (typeof value === 'number' ? decimals.format(value) : String(value));
}

const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
/** "There are" after "In 2025, ": a capital word starts lower case; a name in bold or a number stays as it is. */
const uncapitalized = (text: string) => (/^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text);
const ZH_GRAINS: Record<Grain, string> = { day: '天', week: '周', month: '月', quarter: '季度', year: '年' };

/** Names of tables, columns and measures as an answer in `lang` says them. */
type Namer = (identifier: string) => string;

/** In Chinese: the name the dataset's descriptions give, else the lexicon's, else the identifier itself. */
function namer(lang: Lang, aliases: [string, string][]): Namer {
  return lang === 'en' ? (identifier) => identifier : (identifier) => chineseIdentifier(identifier, aliases);
}

const isRate = (plan: Plan) => plan.measure.value.kind === 'rate';

const EN_FNS: Partial<Record<Aggregate, string>> = { avg: 'average', median: 'median', min: 'minimum', max: 'maximum' };
const ZH_FNS: Partial<Record<Aggregate, (label: string) => string>> = { avg: (l) => `平均${l}`, median: (l) => `${l}中位数`, min: (l) => `最小${l}`, max: (l) => `最大${l}` };

/** "Median order value", "平均点赞数": the measure with its aggregate; a sum or a count is named by what it adds up. */
function measureName(plan: Plan, lang: Lang, name: Namer): string {
  // A rate says what it is: "return rate", not "average return rate"; its values carry the "%".
  if (isRate(plan)) return name(plan.measure.label.replace(/ \(%\)$/, ''));
  const label = name(plan.measure.label);
  const fn = plan.measure.fn;
  if (lang === 'zh') return ZH_FNS[fn]?.(label) ?? label;
  return EN_FNS[fn] ? `${EN_FNS[fn]} ${label}` : label;
}

function definition(plan: Plan, lang: Lang, name: Namer): string {
  const { value: v, per, table } = plan.measure;
  if (v.kind !== 'revenue' && !per) return '';
  const formula = v.kind === 'revenue' ? `${v.quantity} × ${v.price}${v.discount ? ` × (1 − ${v.discount})` : ''}` : v.kind === 'column' ? v.column : '';
  if (per) {
    return lang === 'zh'
      ? `\n\n每个${inZh(name(per.name))}的金额为其${inZh(name(table.name))}的 ${formula} 之和。`
      : `\n\nEach ${identifierWords(per.name).join(' ')}'s value is the sum of ${formula} over its ${plural(table.name)}.`;
  }
  const spent = plan.measure.kind === 'spent';
  return lang === 'zh' ? `\n\n${spent ? '消费金额' : '销售额'}按 ${formula} 计算。` : `\n\n${spent ? 'Amount spent' : 'Revenue'} is ${formula}.`;
}

/** How a quarter and a week are named, as the chart's messages name them ("the week of" in lower case, inside a sentence). */
const DATE_LABELS: Record<Lang, DateLabels> = {
  en: { quarter: (quarter, year) => `Q${quarter} ${year}`, week: (date) => `the week of ${date}` },
  zh: { quarter: (quarter, year) => `${year}年第${quarter}季度`, week: (date) => `${date}当周` },
};

/** Periods named as the chart names them: "November 2025", "Q1 2024", "2024", "2025年11月". */
function periodNamer(grain: Grain, lang: Lang): Formatter {
  const { full } = dateFormatters(grain, intlLocale(lang), DATE_LABELS[lang]);
  return (value) => {
    const ms = Date.parse(String(value).slice(0, 10));
    return Number.isNaN(ms) ? String(value) : full(ms);
  };
}

/** "In November 2025", "on Mon, Mar 2, 2026". */
const at = (grain: Grain) => (grain === 'day' ? 'on' : 'in');

type Rows = Extract<ModelResult, { rows: unknown[][] }>;

/** "By month", "by product", "按地区". */
function groupName(g: Grouping, lang: Lang, name: Namer): string {
  if (g.kind === 'time') return lang === 'zh' ? ZH_GRAINS[g.grain] : g.grain;
  return g.kind === 'entity' ? name(identifierWords(g.table.name).join(' ')) : name(groupLabel(g));
}

/** The difference of two percentages in points: 5% to 6% is up 1 percentage point, not 1%. */
const pointsIfPercent = (diff: string, lang: Lang) => (diff.endsWith('%') ? `${diff.slice(0, -1)}${lang === 'zh' ? ' 个百分点' : ' percentage points'}` : diff);

/** "Revenue rose from 80,782.60 in 2024 to 127,686.73 in 2025, up 46,904.13 (+58.06%)": two periods and the change between them. */
function change(m: string, [[before, a], [after, b]]: [unknown, number][], grain: Grain, lang: Lang, value: Formatter): string {
  const when = periodNamer(grain, lang);
  const [from, to] = [when(before), when(after)];
  const diff = b - a;
  const pct = a === 0 ? '' : `${diff >= 0 ? '+' : '−'}${format(Math.abs((100 * diff) / a), lang)}%`;
  const by = `${pointsIfPercent(value(Math.abs(diff)), lang)}${pct && (lang === 'zh' ? `（${pct}）` : ` (${pct})`)}`;
  if (lang === 'zh') {
    if (diff === 0) return `${inZh(m)}在${from}和${to}都是 **${value(a)}**。`.trim();
    return `${inZh(m)}从${from}的 **${value(a)}** ${diff > 0 ? '增长' : '下降'}到${to}的 **${value(b)}**，${diff > 0 ? '增加' : '减少'}了 ${by}。`.trim();
  }
  if (diff === 0) return `${capitalized(m)} was **${value(a)}** ${at(grain)} both ${from} and ${to}.`;
  return `${capitalized(m)} ${diff > 0 ? 'rose' : 'fell'} from **${value(a)}** ${at(grain)} ${from} to **${value(b)}** ${at(grain)} ${to}, ${diff > 0 ? 'up' : 'down'} ${by}.`;
}

function timeSeries(plan: Plan, result: Rows, grain: Grain, lang: Lang, name: Namer, value: Formatter): string {
  const points = result.rows.filter((r) => typeof r[1] === 'number') as [unknown, number][];
  if (points.length === 0) return lang === 'zh' ? '这段时间没有数据。' : 'There is no data in this period.';
  const m = measureName(plan, lang, name);
  if (points.length === 2 && result.rowCount === 2) return change(m, points, grain, lang, value);
  // The rows may be the first ones only: the extremes and the last rows, when given, cover the rest.
  const all = result.extremes?.[plan.measure.label];
  const high = (all?.max ?? points.reduce((a, b) => (b[1] > a[1] ? b : a))) as [unknown, number];
  const low = (all?.min ?? points.reduce((a, b) => (b[1] < a[1] ? b : a))) as [unknown, number];
  const when = periodNamer(grain, lang);
  const end = (result.lastRows?.at(-1) ?? points.at(-1)!) as [unknown, number];
  const [first, last, count] = [when(points[0]![0]), when(end[0]), result.rowCount];
  const series =
    lang === 'zh'
      ? `${inZh(m)}按${ZH_GRAINS[grain]}统计（${first}至${last}，共 ${count} 期）：最高为 **${when(high[0])}**（${value(high[1])}），最低为 **${when(low[0])}**（${value(low[1])}）。`.trim()
      : `${capitalized(m)} by ${grain} from ${first} to ${last} (${count} periods): highest ${at(grain)} **${when(high[0])}** (${value(high[1])}), lowest ${at(grain)} **${when(low[0])}** (${value(low[1])}).`;
  // "How did revenue change from Q1 2024 to Q1 2025?": the change from the first period to the last, then the ones between.
  if (!plan.growth || plan.range?.unit !== grain || typeof end[1] !== 'number') return series;
  return `${change(m, [points[0]!, end], grain, lang, value)}${lang === 'zh' ? '' : ' '}${series}`;
}

/** "The most common status is delivered": the rows kept by a limit with ties, the first of them the answer. */
function mostCommon(plan: Plan, rows: unknown[][], width: number, group: string, lang: Lang, name: Namer, value: Formatter): string {
  const label = (r: unknown[]) => `**${r.slice(0, width).map((v) => format(v, lang)).join(' ')}**`;
  const counts = new Set(rows.map((r) => value(r[width])));
  const n = value(rows[0]![width]);
  const what = name(plan.measure.label);
  const most = plan.direction === 'asc' ? (lang === 'zh' ? '最少见' : 'least') : lang === 'zh' ? '最常见' : 'most';
  if (lang === 'zh') {
    const count = `${n} 条${inZh(what)}记录`;
    if (rows.length === 1) return `${most}的${inZh(group)}是 ${label(rows[0]!)}（${count}）。`;
    if (counts.size === 1) return `${rows.map(label).join('、')} 并列${most}的${inZh(group)}（各 ${count}）。`;
    return `${most}的${inZh(group)}：${rows.map((r) => `${label(r)}（${value(r[width])}）`).join('、')}。`;
  }
  const count = `${n} ${plural(what)}`;
  if (rows.length === 1) return `The ${most} common ${group} is ${label(rows[0]!)} (${count}).`;
  if (counts.size === 1) return `${rows.slice(0, -1).map(label).join(', ')} and ${label(rows.at(-1)!)} are tied as the ${most} common ${group} (${count} each).`;
  const listed = rows.map((r) => `${label(r)} (${value(r[width])})`);
  return `The ${rows.length} ${most} common ${plural(group)}: ${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}.`;
}

/** "Helena Holý spent the most (49.62), followed by…": buyers ranked by what they spent or bought. */
function buyers(plan: Plan, result: Rows, width: number, group: string, lang: Lang, value: Formatter): string {
  const [top, ...others] = result.rows.slice(0, 3).map((r) => ({ who: `**${r.slice(0, width).map((v) => format(v, lang)).join(' ')}**`, value: value(r[width]) }));
  const least = plan.direction === 'asc';
  const limit = cutAt(plan, result.rowCount);
  if (lang === 'zh') {
    const did = `${plan.measure.kind === 'bought' ? '购买件数' : '消费'}${least ? '最少' : '最多'}`;
    const rest = others.map((o) => `${o.who}（${o.value}）`).join('和 ');
    const count = limit ? `显示${least ? '后' : '前'} ${limit} 个` : `共 ${result.rowCount} 个`;
    return `${top!.who} ${did}（${top!.value}）${rest ? `，其次是 ${rest}；${count}${inZh(group).trimEnd()}` : ''}。`;
  }
  const did = plan.measure.kind === 'bought' ? `bought the ${least ? 'fewest' : 'most'} units` : `spent the ${least ? 'least' : 'most'}`;
  const rest = others.map((o) => `${o.who} (${o.value})`).join(' and ');
  const count = limit ? `${least ? 'bottom' : 'top'} ${limit} ${plural(group)} shown` : `${result.rowCount} ${plural(group)} ranked`;
  return `${top!.who} ${did} (${top!.value})${rest ? `, followed by ${rest}; ${count}` : ''}.`;
}

/** The limit when it may have left groups out (as many rows came back as it allows), else undefined: every group is shown. */
const cutAt = ({ limit }: Plan, rowCount: number) => (limit !== undefined && rowCount >= limit ? limit : undefined);

/** Rows by the period they belong to, named, in the rows' order. */
function byPeriod(rows: unknown[][], named: Formatter): Map<string, unknown[][]> {
  const periods = new Map<string, unknown[][]>();
  for (const r of rows) {
    const when = named(r[0]);
    if (periods.has(when)) periods.get(when)!.push(r);
    else periods.set(when, [r]);
  }
  return periods;
}

/**
 * "Orders by channel per year: 2024: **Web** (2,714) leads…; 2025: …": each period's leaders. With
 * more periods, the span and number of periods, then the latest two. With only the first and last
 * rows sent, the span and the latest period, when the last rows hold all of it, else the extreme.
 */
function perPeriod(plan: Plan, result: Rows, width: number, grain: Grain, lang: Lang, name: Namer, value: Formatter): string {
  const named = periodNamer(grain, lang);
  const periods = byPeriod(result.rows, named);
  const sign = plan.direction === 'asc' ? 1 : -1;
  const part = ([when, group]: [string, unknown[][]]) => {
    const top = [...group].sort((a, b) => sign * (Number(a[width]) - Number(b[width]))).slice(0, 3);
    // With growth, each one's change from its own previous period, when it has one; with a share, its share.
    const extra = (r: unknown[]) => (typeof r[width + 1] === 'number' ? `, ${plan.growth && Number(r[width + 1]) >= 0 ? '+' : ''}${format(r[width + 1], lang)}%` : '');
    const listed = top.map((r) => `**${r.slice(1, width).map((v) => format(v, lang)).join(' ')}** (${value(r[width])}${extra(r)})`);
    if (lang === 'zh') return `${when}：${listed.join('、')}`;
    // The one kept of each period needs no verb: "Top product by units sold in each year: 2024: **Lamp** (89); …".
    if (plan.limit === 1) return `${when}: ${listed[0]}`;
    return `${when}: ${listed[0]} ${sign > 0 ? 'is lowest' : 'leads'}${listed.length > 1 ? `, followed by ${listed.slice(1).join(' and ')}` : ''}`;
  };
  const parts = [...periods].map(part);
  const title = perPeriodTitle(plan, grain, lang, name);
  const tail = result.lastRows && [...byPeriod(result.lastRows, named)];
  if (periods.size <= 2 && !tail) return lang === 'zh' ? `${title}：${parts.join('；')}。` : `${title}: ${parts.join('; ')}.`;
  const sampled = tail !== undefined;
  const [first, last] = [named(result.rows[0]![0]), named((result.lastRows ?? result.rows).at(-1)![0])];
  // The last rows hold all of the latest period when they reach back into the one before it.
  const latest = !tail ? parts.slice(-2).reverse() : tail.length > 1 ? [part(tail.at(-1)!)] : [peak(plan, result, width, grain, lang, value)];
  if (lang === 'zh') return `${title}（${first}至${last}${sampled ? '' : `，共 ${periods.size} 期`}）。${latest.map((p) => `${p}。`).join('')}`;
  const span = `${title} from ${first} to ${last}${sampled ? '' : ` (${periods.size} ${plural(grain)})`}.`;
  return [span, ...latest.map((p) => `${capitalized(p)}.`)].join(' ');
}

/** "Highest: **Lamp** in March 2025 (164)": the row with the measure's extreme among all rows, sent when only a sample is. */
function peak(plan: Plan, result: Rows, width: number, grain: Grain, lang: Lang, value: Formatter): string {
  const all = result.extremes?.[plan.measure.label];
  const bottom = plan.direction === 'asc';
  const row = (bottom ? all?.min : all?.max) ?? result.rows[0]!;
  const [when, who] = [periodNamer(grain, lang)(row[0]), `**${row.slice(1, width).map((v) => format(v, lang)).join(' ')}**`];
  if (lang === 'zh') return `${bottom ? '最低' : '最高'}为${when}的 ${who}（${value(row[width])}）`;
  return `${bottom ? 'lowest' : 'highest'}: ${who} ${at(grain)} ${when} (${value(row[width])})`;
}

/** "Top 10 products by units sold in each month", "Orders by channel per year", "每月销售额最高的 10 个产品". */
function perPeriodTitle(plan: Plan, grain: Grain, lang: Lang, name: Namer): string {
  const measure = measureName(plan, lang, name);
  const group = groupName(plan.groupBy[1]!, lang, name);
  const { limit } = plan;
  if (limit !== undefined) {
    const bottom = plan.direction === 'asc';
    return lang === 'zh'
      ? `每${ZH_GRAINS[grain]}${inZh(measure)}${bottom ? '最低' : '最高'}的${limit === 1 ? '' : ` ${limit} 个`}${inZh(group)}`.trimEnd()
      : `${bottom ? 'Bottom' : 'Top'} ${limit === 1 ? group : `${limit} ${plural(group)}`} by ${measure} in each ${grain}`;
  }
  return lang === 'zh' ? `按${ZH_GRAINS[grain]}和${inZh(group)}统计的${inZh(measure)}`.trimEnd() : `${capitalized(measure)} by ${group} per ${grain}`;
}

/** "status cancelled", "状态为 cancelled": a filter in words, for a share's part or what a count counted. */
function condition(f: Filter, lang: Lang, name: Namer): string {
  const values = Array.isArray(f.value) ? f.value.join(lang === 'zh' ? '或' : ' or ') : String(f.value);
  const negated = f.op === '<>' || f.op === 'not in';
  if (lang === 'zh') return negated ? `${name(f.column)}不为 ${values}` : f.op === '=' || f.op === 'in' ? `${name(f.column)}为 ${values}` : `${name(f.column)} ${f.op} ${values}`;
  return negated ? `${f.column} other than ${values}` : f.op === '=' || f.op === 'in' ? `${f.column} ${values}` : `${f.column} ${f.op} ${values}`;
}

/** "12.3% of orders (2,456 of 19,971) have status cancelled." */
function partOfWhole(plan: Plan, row: unknown[], lang: Lang, name: Namer): string {
  const [matching, whole, pct] = row.map((v) => format(v ?? 0, lang));
  const what = name(plan.measure.label);
  const conditions = plan.part!.map((f) => condition(f, lang, name));
  if (lang === 'zh') return `${conditions.join('且')} 的${inZh(what).trim()}占 **${pct}%**（${whole} 条中的 ${matching} 条）。`;
  return `**${pct}%** of ${plural(what)} (${matching} of ${whole}) have ${conditions.join(' and ')}.`;
}

/** A short answer built from the query result, in the question's language; `aliases` are the dataset's Chinese names. */
export function summarize(plan: Plan, result: ModelResult, lang: Lang, aliases: [string, string][] = []): string {
  const text = summarizeResult(plan, result, lang, namer(lang, aliases));
  if (!plan.range || 'error' in result || namesPeriods(plan, result)) return text;
  const when = rangePhrase(plan.range, lang);
  return lang === 'zh' ? `${when}，${text}` : `${capitalized(when)}, ${uncapitalized(text)}`;
}

/** Rows by period name the periods themselves ("Revenue rose from … in 2024 to … in 2025"): the range would repeat them. */
const namesPeriods = (plan: Plan, result: Rows) => plan.groupBy[0]?.kind === 'time' && result.rows.length > 0;

function summarizeResult(plan: Plan, result: ModelResult, lang: Lang, name: Namer): string {
  if ('error' in result) {
    return lang === 'zh'
      ? `查询失败：${result.error}${result.hint ? `（${result.hint}）` : ''}`
      : `The query failed: ${result.error}${result.hint ? ` (${result.hint})` : ''}`;
  }
  const { rows } = result;
  const measure = measureName(plan, lang, name);
  if (plan.part && plan.groupBy.length === 0) return partOfWhole(plan, rows[0] ?? [], lang, name);
  // The label columns come first, then the measure (then a share or growth column).
  const width = result.columns.length - (plan.share || plan.growth ? 2 : 1);
  const value = percentIf(isRate(plan), measureFormat(measureValues(plan, result, width), lang));
  if (plan.groupBy.length === 0) {
    const total = value(rows[0]?.[0]);
    if (plan.measure.fn === 'count') {
      // "How many orders were returned?": the count says what it counted, not all orders.
      const conditions = plan.filters.map((f) => condition(f, lang, name));
      if (lang === 'zh') return `共有 **${total}** 条${conditions.length > 0 ? `${conditions.join('且')} 的` : ''}${inZh(measure)}记录。`;
      return `There are **${total}** ${plural(measure)}${conditions.length > 0 ? ` with ${conditions.join(' and ')}` : ''}.`;
    }
    // A sum or an average over no rows is NULL: there is nothing to report, not a value "null".
    if (rows[0]?.[0] == null) return lang === 'zh' ? `没有符合条件的数据，所以没有${inZh(measure)}可报告。` : `No rows match, so there is no ${measure} to report.`;
    const sum = plan.measure.fn === 'sum' && !measure.includes('total') ? 'total ' : '';
    const text = lang === 'zh' ? `${measure}为 **${total}**。` : `The ${sum}${measure} is **${total}**.`;
    return text + definition(plan, lang, name);
  }
  const [first] = plan.groupBy;
  // "Which year had the highest revenue?": the one period asked for, named as the chart names it.
  if (first.kind === 'time' && plan.groupBy.length === 1 && plan.limit === 1 && rows.length === 1) {
    const [period, ...rest] = rows[0]!;
    return leader(plan, [periodNamer(first.grain, lang)(period), ...rest], width, measure, lang, value) + definition(plan, lang, name);
  }
  if (first.kind === 'time' && plan.groupBy.length === 1) return timeSeries(plan, result, first.grain, lang, name, value) + definition(plan, lang, name);
  if (rows.length === 0) return lang === 'zh' ? '没有符合条件的数据。' : 'No rows match.';
  const group = plan.groupBy.map((g) => groupName(g, lang, name)).join(lang === 'zh' ? '和' : ' and ');
  if (plan.ties) return mostCommon(plan, rows, width, group, lang, name, value) + definition(plan, lang, name);
  const byBuyer = plan.groupBy.length === 1 && BUYER_TABLE.test(first.table.name);
  if (byBuyer && plan.measure.kind) return buyers(plan, result, width, group, lang, value) + definition(plan, lang, name);
  if (first.kind === 'time' && plan.groupBy.length === 2) return perPeriod(plan, result, width, first.grain, lang, name, value) + definition(plan, lang, name);
  return ranking(plan, result, width, group, measure, lang, value) + definition(plan, lang, name);
}

/** A rate's values as percentages: "5.64%". */
const percentIf = (percent: boolean, value: Formatter): Formatter => (percent ? (v) => `${value(v)}%` : value);

/** Every value of the measure the answer may name: the rows, and the extremes and last rows of rows not all sent. */
function measureValues(plan: Plan, result: Rows, width: number): unknown[] {
  const all = result.extremes?.[plan.measure.label];
  return [...result.rows, ...(all ? [all.min, all.max] : []), ...(result.lastRows ?? [])].map((r) => r[width]);
}

/** "Revenue by region: **Europe** (1,234.50) leads, followed by…; 5 groups in all", or the top few of a ranking, not claimed to be all. */
function ranking(plan: Plan, result: Rows, width: number, group: string, measure: string, lang: Lang, value: Formatter): string {
  const top = result.rows.slice(0, 3).map((r) => `**${r.slice(0, width).map((v) => format(v, lang)).join(' ')}** (${value(r[width])}${plan.share ? `, ${format(r[width + 1], lang)}%` : ''})`);
  const bottom = plan.direction === 'asc';
  const limit = cutAt(plan, result.rowCount);
  const { rowCount } = result;
  if (plan.limit === 1 && rowCount === 1) return leader(plan, result.rows[0]!, width, measure, lang, value);
  if (lang === 'zh') {
    const count = limit === 1 ? '' : limit ? `，显示${bottom ? '后' : '前'} ${limit} 组` : `，共 ${rowCount} 组`;
    return `按${inZh(group)}统计的${inZh(measure)}：${bottom ? '最低' : '最高'}的是 ${top.join('、')}${count}。`;
  }
  const count = limit === 1 ? '' : limit ? `; ${bottom ? 'bottom' : 'top'} ${limit} shown` : `; ${rowCount} ${rowCount === 1 ? 'group' : 'groups'} in all`;
  return `${capitalized(measure)} by ${group}: ${top[0]} ${bottom ? 'is lowest' : 'leads'}${top.length > 1 ? `, followed by ${top.slice(1).join(' and ')}` : ''}${count}.`;
}

/** "**Latin America** has the highest return rate: 5.64%", "**Web** has the most revenue": the one group a singular question asks for. */
function leader(plan: Plan, row: unknown[], width: number, measure: string, lang: Lang, value: Formatter): string {
  const who = `**${row.slice(0, width).map((v) => format(v, lang)).join(' ')}**`;
  const share = plan.share ? `${format(row[width + 1], lang)}%` : '';
  const least = plan.direction === 'asc';
  const { fn } = plan.measure;
  if (lang === 'zh') {
    const most = fn === 'count' ? (least ? '最少' : '最多') : least ? '最低' : '最高';
    return `${who} 的${inZh(measure).trimEnd()}${most}：${value(row[width])}${share && `（${share}）`}。`;
  }
  const most = fn === 'count' ? (least ? 'fewest' : 'most') : fn === 'sum' ? (least ? 'least' : 'most') : least ? 'lowest' : 'highest';
  return `${who} has the ${most} ${measure}: ${value(row[width])}${share && ` (${share})`}.`;
}

/** Questions this catalog can answer, for when the planner cannot answer the one asked. */
export function suggestions(catalog: Catalog, knowledge: PlannerKnowledge, lang: Lang): string[] {
  // Base tables (with a primary key) make the plainest questions; views repeat them.
  const tables = catalog.tables.filter((t) => t.primaryKey.length > 0);
  const candidates =
    lang === 'zh'
      ? ['按地区统计销售额', '每月销售额', '销售额最高的5个产品', ...tables.map((t) => `有多少 ${plural(t.name)}？`)]
      : [
          'Total revenue by region',
          'Monthly revenue',
          'Top 5 products by revenue',
          ...tables.map((t) => `How many ${plural(t.name)} are there?`),
        ];
  const answerable: string[] = [];
  for (const q of candidates) {
    if (answerable.length === 3) break;
    const planned = planQuestion(q, catalog, { knowledge, today: new Date() });
    if (planned.ok && compilePlan(planned.plan, catalog) !== undefined) answerable.push(q);
  }
  return answerable;
}

/** "无法确定 unit_price 指的是…": a name in Latin letters keeps a space from the Chinese before it. */
const spacedAfterChinese = (text: string) => (/^[A-Za-z0-9_]/.test(text) ? ` ${text}` : text);

export function abstention(understood: Phrase[], missing: Phrase[], catalog: Catalog, knowledge: PlannerKnowledge, lang: Lang): string {
  const ideas = suggestions(catalog, knowledge, lang).map((q) => `- ${q}`).join('\n');
  const [unclear, known] = [missing.map((p) => p[lang].trim()), understood.map((p) => p[lang].trim())];
  if (lang === 'zh') {
    return `我还不能可靠地回答这个问题${unclear.length ? `：无法确定${spacedAfterChinese(unclear.join('、'))}` : ''}。${known.length ? `我理解的是：${known.join('，')}。` : ''}\n\n可以试试：\n${ideas}`;
  }
  return `I can't answer that yet${unclear.length ? `: I couldn't work out ${unclear.join(' or ')}` : ''}.${known.length ? ` I understood: ${known.join(', ')}.` : ''}\n\nTry one of these:\n${ideas}`;
}

/** Quarry never changes data: say so, name what was asked, and offer the question counting those rows. */
export function refusal(write: NonNullable<Extract<Planned, { ok: false }>['write']>, lang: Lang): string {
  if (lang === 'zh') {
    const instead = write.suggestion ? `\n\n如需查看这些数据，可以问：\n- ${write.suggestion}` : '';
    return `Quarry 只读取数据，不能删除、修改或添加任何内容，所以无法${write.verb}${write.object}。${instead}`;
  }
  const instead = write.suggestion ? `\n\nTo look at this data instead, ask:\n- ${write.suggestion}` : '';
  return `Quarry only reads data: it cannot delete, change or add anything, so I can't ${write.verb}${write.object ? ` ${write.object}` : ''}.${instead}`;
}
