'use client';

import { useTranslations } from 'next-intl';
import { COLUMN_TYPES, type ColumnType, type CsvPreview, type LoadColumn } from '@/lib/warehouse/csv/plan';
import { cn } from '@/lib/utils';
import type { NameIssue } from './names';

const cell = 'border-b border-border px-2 py-1.5 align-top';
const control = 'h-8 w-full min-w-32 rounded-md border border-border bg-background px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-50';

/** The columns as they will be created (name and type editable), above the first rows of the file. */
export function ColumnsEditor({
  columns,
  issues,
  rows,
  disabled,
  onChange,
}: {
  columns: LoadColumn[];
  issues: (NameIssue | null)[];
  rows: CsvPreview['rows'];
  disabled: boolean;
  onChange: (index: number, change: Partial<Pick<LoadColumn, 'name' | 'type'>>) => void;
}) {
  const t = useTranslations('load');
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t('preview.columns')}</caption>
        <thead className="bg-muted/60 text-left">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={cn(cell, 'font-normal')}>
                <div className="space-y-1.5">
                  <input
                    value={column.name}
                    onChange={(e) => onChange(i, { name: e.target.value })}
                    disabled={disabled}
                    aria-label={`${t('preview.name')} ${i + 1}`}
                    aria-invalid={issues[i] ? true : undefined}
                    aria-describedby={issues[i] ? `column-issue-${i}` : undefined}
                    spellCheck={false}
                    className={cn(control, 'font-mono', issues[i] && 'border-destructive')}
                    data-testid={`csv-column-name-${i}`}
                  />
                  <select
                    value={column.type}
                    onChange={(e) => onChange(i, { type: e.target.value as ColumnType })}
                    disabled={disabled}
                    aria-label={`${t('preview.type')} ${i + 1}`}
                    className={control}
                    data-testid={`csv-column-type-${i}`}
                  >
                    {COLUMN_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`types.${type}`)}
                      </option>
                    ))}
                  </select>
                  <p className="max-w-48 truncate text-xs text-muted-foreground" title={column.header}>
                    {column.header.trim() ? t('preview.header', { header: column.header }) : t('preview.emptyHeader')}
                  </p>
                  {issues[i] && (
                    <p id={`column-issue-${i}`} className="max-w-48 text-xs text-destructive">
                      {t(`invalid.${issues[i]}`, { name: column.name })}
                    </p>
                  )}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="even:bg-muted/30">
              {row.map((value, c) => (
                <td key={c} className={cn(cell, 'max-w-64 truncate font-mono text-xs', value === '' && 'text-muted-foreground italic')} title={value}>
                  {value === '' ? t('preview.null') : value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
