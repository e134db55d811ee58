'use client';

import type { Header, Table } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { KeyboardEvent } from 'react';
import type { Cell } from '@/lib/warehouse/run';
import { cn } from '@/lib/utils';
import type { resultTableFeatures } from './result-table-model';

type Features = typeof resultTableFeatures;
type Props = {
  header: Header<Features, Cell[]>;
  table: Table<Features, Cell[]>;
  name: string;
  type: string;
  numeric: boolean;
  /** This column leads the sort (only one header carries aria-sort ascending/descending). */
  primary: boolean;
  /** 1-based position in a multi-column sort, shown when more than one column is sorted. */
  sortPosition?: number;
};

const RESIZE_STEP = 16;

/** A column header: a sort button (aria-sort on the `<th>`) and a resize handle on its right edge. */
export function ResultTableHeader({ header, table, name, type, numeric, primary, sortPosition }: Props) {
  const t = useTranslations('answer');
  const column = header.column;
  const sorted = column.getIsSorted();
  const size = header.getSize();
  const minSize = column.columnDef.minSize ?? 0;
  const maxSize = column.columnDef.maxSize ?? Number.MAX_SAFE_INTEGER;
  const resizing = column.getIsResizing();
  const resize = header.getResizeHandler();

  const setSize = (next: number) =>
    table.setColumnSizing((old) => ({ ...old, [column.id]: Math.min(maxSize, Math.max(minSize, Math.round(next))) }));

  const onResizeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? RESIZE_STEP * 4 : RESIZE_STEP;
    if (event.key === 'ArrowLeft') setSize(size - step);
    else if (event.key === 'ArrowRight') setSize(size + step);
    else if (event.key === 'Home') setSize(minSize);
    else if (event.key === 'Enter' || event.key === 'Escape') column.resetSize();
    else return;
    event.preventDefault();
  };

  const SortIcon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ChevronsUpDown;
  const ariaSort = primary && sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className="sticky top-0 z-10 border-b border-border bg-muted p-0 font-medium"
      style={{ width: size }}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        title={`${name} · ${type} — ${t('sortHint')}`}
        className={cn(
          'group flex w-full min-w-0 items-center gap-1 px-3 py-1.5 whitespace-nowrap outline-none select-none',
          'hover:bg-foreground/5 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
          numeric ? 'flex-row-reverse text-right' : 'text-left',
        )}
      >
        <span className="min-w-0 truncate">{name}</span>
        <span
          className={cn(
            'flex shrink-0 items-center text-muted-foreground',
            !sorted && 'opacity-40 group-hover:opacity-100 group-focus-visible:opacity-100',
            sorted && 'text-foreground',
          )}
          aria-hidden
        >
          <SortIcon className="size-3.5" />
          {sorted && sortPosition !== undefined && <span className="text-[10px] leading-none tabular-nums">{sortPosition}</span>}
        </span>
      </button>
      {column.getCanResize() && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t('resizeColumn', { name })}
          aria-valuenow={size}
          aria-valuemin={minSize}
          aria-valuemax={maxSize}
          tabIndex={0}
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={onResizeKey}
          onClick={(event) => event.stopPropagation()}
          className={cn(
            'absolute top-0 right-0 z-20 h-full w-2 cursor-col-resize touch-none select-none outline-none',
            'after:absolute after:top-1 after:right-0 after:bottom-1 after:w-px after:bg-border',
            'hover:after:w-0.5 hover:after:bg-ring focus-visible:after:w-0.5 focus-visible:after:bg-ring',
            resizing && 'after:w-0.5 after:bg-ring',
          )}
        />
      )}
    </th>
  );
}
