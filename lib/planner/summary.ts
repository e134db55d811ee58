import type { Catalog } from '@/lib/warehouse/catalog';
import { compilePlan } from './compile';
import { groupLabel, planQuestion, type Plan } from './plan';

export type Lang = 'en' | 'zh';
export type ModelResult =
  | { columns: { name: string }[]; rows: unknown[][]; rowCount: number; truncated: boolean }
  | { error: string; hint?: string };

const format = (value: unknown, lang: Lang) =>
  typeof value === 'number' ? new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(value) : String(value);

function definition(plan: Plan, lang: Lang): string {
  const v = plan.measure.value;
  if (v.kind !== 'revenue') return '';
  const formula = `${v.quantity} × ${v.price}${v.discount ? ` × (1 − ${v.discount})` : ''}`;
  return lang === 'zh' ? `\n\n销售额按 ${formula} 计算。` : `\n\nRevenue is ${formula}.`;
}

/** A short answer built from the query result, in the question's language. */
export function summarize(plan: Plan, result: ModelResult, lang: Lang): string {
  if ('error' in result) {
    return lang === 'zh'
      ? `查询失败：${result.error}${result.hint ? `（${result.hint}）` : ''}`
      : `The query failed: ${result.error}${result.hint ? ` (${result.hint})` : ''}`;
  }
  const { rows } = result;
  const measure = plan.measure.label;
  if (!plan.groupBy) {
    const value = format(rows[0]?.[0], lang);
    if (plan.measure.fn === 'count') return lang === 'zh' ? `共有 **${value}** 条 ${measure} 记录。` : `There are **${value}** ${measure}.`;
    return (lang === 'zh' ? `${measure} 的结果是 **${value}**。` : `The ${plan.measure.fn} of ${measure} is **${value}**.`) + definition(plan, lang);
  }
  if (rows.length === 0) return lang === 'zh' ? '没有符合条件的数据。' : 'No rows match.';
  const group = groupLabel(plan.groupBy);
  const top = rows.slice(0, 3).map((r) => `**${format(r[0], lang)}** (${format(r[1], lang)})`);
  const head =
    lang === 'zh'
      ? `按 ${group} 统计的 ${measure}：最高的是 ${top.join('、')}，共 ${rows.length} 组。`
      : `${measure[0]!.toUpperCase()}${measure.slice(1)} by ${group}: ${top[0]} leads${top.length > 1 ? `, followed by ${top.slice(1).join(' and ')}` : ''}; ${rows.length} ${rows.length === 1 ? 'group' : 'groups'} in all.`;
  return head + definition(plan, lang);
}

/** Questions this catalog can answer, for when the planner cannot answer the one asked. */
export function suggestions(catalog: Catalog, lang: Lang): string[] {
  const candidates =
    lang === 'zh'
      ? ['有多少订单？', '按地区统计销售额', '销售额最高的5个产品']
      : [
          'Total revenue by region',
          'Top 5 products by revenue',
          ...catalog.tables.map((t) => `How many ${t.name.replaceAll('_', ' ')} are there?`),
        ];
  return candidates.filter((q) => {
    const planned = planQuestion(q, catalog);
    return planned.ok && compilePlan(planned.plan, catalog) !== undefined;
  }).slice(0, 3);
}

export function abstention(understood: string[], missing: string[], catalog: Catalog, lang: Lang): string {
  const ideas = suggestions(catalog, lang).map((q) => `- ${q}`).join('\n');
  if (lang === 'zh') {
    return `我还不能可靠地回答这个问题${missing.length ? `：无法确定${missing.join('、')}` : ''}。${understood.length ? `我理解的是：${understood.join('，')}。` : ''}\n\n可以试试：\n${ideas}`;
  }
  return `I can't answer that yet${missing.length ? `: I couldn't work out ${missing.join(' or ')}` : ''}.${understood.length ? ` I understood: ${understood.join(', ')}.` : ''}\n\nTry one of these:\n${ideas}`;
}
