import { describe, expect, it } from 'vitest';
import { modelView } from '@/lib/ai/tools';
import { withheldSummary } from '@/lib/datasets/withheld-summary';

const output = {
  ok: true as const,
  queryRunId: '00000000-0000-4000-8000-000000000001',
  columns: [{ name: 'region', type: 'text' }, { name: 'revenue', type: 'numeric' }],
  rows: [['Europe', 1234.5], ['Asia Pacific', 999]],
  rowCount: 2,
  truncated: false,
  durationMs: 3,
};

describe('a dataset that does not share rows with the model', () => {
  it('gives the model columns, types and counts, and no value, extreme or last row', () => {
    const view = modelView({ ...output, rowCount: 50, rows: Array.from({ length: 50 }, (_, i) => [`r${i}`, i]) }, { shareRows: false });
    expect(view).toMatchObject({ columns: output.columns, rowCount: 50, truncated: false, rowsWithheld: true });
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['rows']));
    expect(JSON.stringify(view)).not.toMatch(/r\d|extremes|lastRow/);
  });

  it('still shares rows when allowed', () => {
    expect(modelView(output)).toMatchObject({ rows: output.rows });
  });

  it('answers with a template built from the shape alone, in English and Chinese', () => {
    expect(withheldSummary(output, 'en')).toBe(
      'The query returned **2 rows** with the columns region and revenue. This dataset does not share result values with the model: read them in the table.',
    );
    expect(withheldSummary({ ...output, rowCount: 10_000, truncated: true }, 'en')).toContain('**more than 10,000 rows**');
    expect(withheldSummary({ ...output, columns: [{ name: 'n' }], rowCount: 1 }, 'en')).toContain('**1 row** with the column n.');
    expect(withheldSummary(output, 'zh')).toBe('查询返回了 **2** 行，列为 region、revenue。此数据集不向模型提供结果数值，请在表格中查看。');
  });
});
