import { expect, it } from 'vitest';
import { modelView } from '@/lib/ai/tools';

const result = (count: number) => ({
  ok: true as const,
  queryRunId: '00000000-0000-4000-8000-000000000001',
  columns: [{ name: 'month', type: 'date' }, { name: 'revenue', type: 'numeric' }],
  rows: Array.from({ length: count }, (_, i) => [`m${i}`, i === 7 ? 1000 : i === 40 ? -5 : i]),
  rowCount: count,
  truncated: false,
  durationMs: 3,
});

it('gives the model every row of a short result', () => {
  expect(modelView(result(30))).toEqual({ columns: result(30).columns, rows: result(30).rows, rowCount: 30, truncated: false });
});

it('gives the model the first rows, the last ones (where a series ends) and the extremes of a long result', () => {
  const { rows } = result(50);
  const view = modelView(result(50));
  expect(view).toMatchObject({ rows: rows.slice(0, 20), lastRows: rows.slice(40), rowCount: 50, extremes: { revenue: { min: rows[40], max: rows[7] } } });
  expect('note' in view && view.note).toBe('Only the first 20 and the last 10 (lastRows) of 50 rows are shown to you; extremes cover all of them. The user sees every row.');
});
