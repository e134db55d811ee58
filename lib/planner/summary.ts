import { intlLocale } from '@/lib/format';
import type { Catalog } from '@/lib/warehouse/catalog';
import { compilePlan } from './compile';
import type { PlannerKnowledge } from './knowledge';
import { groupLabel, planQuestion, type Grain, type Plan } from './plan';

export type Lang = 'en' | 'zh';
export type ModelResult =
  | {
      columns: { name: string }[];
      rows: unknown[][];
      rowCount: number;
      truncated: boolean;
      /** Present when `rows` is only a sample: facts about every row. */
      lastRow?: unknown[];
      extremes?: Record<string, { min: unknown[]; max: unknown[] }>;
    }
  | { error: string; hint?: string };

const format = (value: unknown, lang: Lang) =>
  typeof value === 'number' ? new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2 }).format(value) : String(value);

function definition(plan: Plan, lang: Lang): string {
  const v = plan.measure.value;
  if (v.kind !== 'revenue') return '';
  const formula = `${v.quantity} × ${v.price}${v.discount ? ` × (1 − ${v.discount})` : ''}`;
  return lang === 'zh' ? `\n\n销售额按 ${formula} 计算。` : `\n\nRevenue is ${formula}.`;
}

function period(value: unknown, grain: Grain): string {
  const text = String(value);
  if (grain === 'year') return text.slice(0, 4);
  if (grain === 'month') return text.slice(0, 7);
  if (grain === 'quarter') return `${text.slice(0, 4)} Q${Math.floor(Number(text.slice(5, 7)) / 3) + 1}`;
  return text.slice(0, 10);
}

function timeSeries(plan: Plan, result: Extract<ModelResult, { rows: unknown[][] }>, grain: Grain, lang: Lang): string {
  const points = result.rows.filter((r) => typeof r[1] === 'number') as [unknown, number][];
  if (points.length === 0) return lang === 'zh' ? '这段时间没有数据。' : 'There is no data in this period.';
  const m = plan.measure.label;
  // The rows may be a sample: the extremes and the last row, when given, cover all of them.
  const all = result.extremes?.[m];
  const high = (all?.max ?? points.reduce((a, b) => (b[1] > a[1] ? b : a))) as [unknown, number];
  const low = (all?.min ?? points.reduce((a, b) => (b[1] < a[1] ? b : a))) as [unknown, number];
  const first = period(points[0]![0], grain);
  const last = period((result.lastRow ?? points.at(-1)!)[0], grain);
  const count = result.rowCount;
  if (lang === 'zh') {
    return `${m} 按${{ day: '天', week: '周', month: '月', quarter: '季度', year: '年' }[grain]}统计（${first} 至 ${last}，共 ${count} 期）：最高为 **${period(high[0], grain)}**（${format(high[1], lang)}），最低为 **${period(low[0], grain)}**（${format(low[1], lang)}）。`;
  }
  return `${m[0]!.toUpperCase()}${m.slice(1)} by ${grain} from ${first} to ${last} (${count} periods): highest in **${period(high[0], grain)}** (${format(high[1], lang)}), lowest in **${period(low[0], grain)}** (${format(low[1], lang)}).`;
}

/** A short answer built from the query result, in the question's language. */
export function summarize(plan: Plan, result: ModelResult, lang: Lang): string {
  const text = summarizeResult(plan, result, lang);
  if (!plan.range || 'error' in result) return text;
  return lang === 'zh' ? `${plan.range.label} 年：${text}` : `In ${plan.range.label}: ${text}`;
}

function summarizeResult(plan: Plan, result: ModelResult, lang: Lang): string {
  if ('error' in result) {
    return lang === 'zh'
      ? `查询失败：${result.error}${result.hint ? `（${result.hint}）` : ''}`
      : `The query failed: ${result.error}${result.hint ? ` (${result.hint})` : ''}`;
  }
  const { rows } = result;
  const measure = plan.measure.label;
  if (plan.groupBy.length === 0) {
    const value = format(rows[0]?.[0], lang);
    if (plan.measure.fn === 'count') return lang === 'zh' ? `共有 **${value}** 条 ${measure} 记录。` : `There are **${value}** ${measure}.`;
    return (lang === 'zh' ? `${measure} 的结果是 **${value}**。` : `The ${plan.measure.fn} of ${measure} is **${value}**.`) + definition(plan, lang);
  }
  const [first] = plan.groupBy;
  if (first.kind === 'time' && plan.groupBy.length === 1) return timeSeries(plan, result, first.grain, lang) + definition(plan, lang);
  if (rows.length === 0) return lang === 'zh' ? '没有符合条件的数据。' : 'No rows match.';
  const group = plan.groupBy.map(groupLabel).join(lang === 'zh' ? '和' : ' and ');
  // The label columns come first, then the measure (then a share or growth column).
  const width = result.columns.length - (plan.share || plan.growth ? 2 : 1);
  const top = rows.slice(0, 3).map((r) => `**${r.slice(0, width).map((v) => format(v, lang)).join(' ')}** (${format(r[width], lang)}${plan.share ? `, ${format(r[width + 1], lang)}%` : ''})`);
  const head =
    lang === 'zh'
      ? `按 ${group} 统计的 ${measure}：最高的是 ${top.join('、')}，共 ${result.rowCount} 组。`
      : `${measure[0]!.toUpperCase()}${measure.slice(1)} by ${group}: ${top[0]} leads${top.length > 1 ? `, followed by ${top.slice(1).join(' and ')}` : ''}; ${result.rowCount} ${result.rowCount === 1 ? 'group' : 'groups'} in all.`;
  return head + definition(plan, lang);
}

/** Questions this catalog can answer, for when the planner cannot answer the one asked. */
const plural = (name: string) => {
  const words = name.replaceAll('_', ' ');
  return words.endsWith('s') ? words : words.endsWith('y') ? `${words.slice(0, -1)}ies` : `${words}s`;
};

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

export function abstention(understood: string[], missing: string[], catalog: Catalog, knowledge: PlannerKnowledge, lang: Lang): string {
  const ideas = suggestions(catalog, knowledge, lang).map((q) => `- ${q}`).join('\n');
  if (lang === 'zh') {
    return `我还不能可靠地回答这个问题${missing.length ? `：无法确定${missing.join('、')}` : ''}。${understood.length ? `我理解的是：${understood.join('，')}。` : ''}\n\n可以试试：\n${ideas}`;
  }
  return `I can't answer that yet${missing.length ? `: I couldn't work out ${missing.join(' or ')}` : ''}.${understood.length ? ` I understood: ${understood.join(', ')}.` : ''}\n\nTry one of these:\n${ideas}`;
}
