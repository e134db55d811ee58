'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { QueryColumn, Cell } from '@/lib/warehouse/run';

const NUMERIC = /^(smallint|integer|bigint|numeric|real|double precision)/;

type Props = { columns: QueryColumn[]; rows: Cell[][]; rowCount: number; truncated: boolean; durationMs: number };

export function ResultTable({ columns, rows, rowCount, truncated, durationMs }: Props) {
  const t = useTranslations('answer');
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 });
  const show = (cell: Cell) => (cell === null ? '∅' : typeof cell === 'number' ? number.format(cell) : typeof cell === 'object' ? JSON.stringify(cell) : String(cell));
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t('noRows')}</p>;
  return (
    <figure className="overflow-hidden rounded-lg border border-border bg-card">
      <div className="max-h-96 overflow-auto">
        <table className="w-full border-collapse text-sm" data-testid="result-table">
          <thead className="sticky top-0 bg-muted">
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" title={c.type} className={`px-3 py-1.5 font-medium whitespace-nowrap ${NUMERIC.test(c.type) ? 'text-right' : 'text-left'}`}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-t border-border">
                {row.map((cell, i) => (
                  <td key={i} className={`px-3 py-1 whitespace-nowrap ${NUMERIC.test(columns[i]?.type ?? '') ? 'text-right tabular-nums' : ''} ${cell === null ? 'text-muted-foreground' : ''}`}>
                    {show(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="border-t border-border px-3 py-1 text-xs text-muted-foreground">
        {truncated ? t('moreThan', { count: rowCount }) : t('rows', { count: rowCount })} · {t('took', { ms: durationMs })}
      </figcaption>
    </figure>
  );
}
