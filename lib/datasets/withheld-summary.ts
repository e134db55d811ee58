import { intlLocale } from '@/lib/format';

type Shape = { columns: { name: string }[]; rowCount: number; truncated: boolean };

/**
 * The answer's text when a dataset does not share rows with the model: built from the result's
 * shape alone, so no value can reach the model or be made up by it.
 */
export function withheldSummary({ columns, rowCount, truncated }: Shape, lang: 'en' | 'zh'): string {
  const n = new Intl.NumberFormat(intlLocale(lang)).format(rowCount);
  const names = columns.map((c) => c.name);
  if (lang === 'zh') {
    return `查询返回了 **${truncated ? `超过 ${n}` : n}** 行，列为 ${names.join('、')}。此数据集不向模型提供结果数值，请在表格中查看。`;
  }
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  const rows = truncated ? `more than ${n} rows` : `${n} ${rowCount === 1 ? 'row' : 'rows'}`;
  return `The query returned **${rows}** with the ${names.length === 1 ? 'column' : 'columns'} ${list}. This dataset does not share result values with the model: read them in the table.`;
}
