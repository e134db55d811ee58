import type { Dataset, ExampleQuery, GlossaryTerm } from '@/db/schema';
import type { CatalogTable } from '../catalog';
import { sqlName } from './text';

/** What the admin taught Quarry about a dataset, as far as the schema context uses it. */
export type DatasetKnowledge = Pick<Dataset, 'tables' | 'descriptions' | 'glossary' | 'examples' | 'sampledValues' | 'shareRowsWithModel'>;

const MAX_VALUES = 15;
const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const qualifiedName = (table: Pick<CatalogTable, 'schema' | 'name'>) => `${sqlName(table.schema)}.${sqlName(table.name)}`;

/** A catalog id (`schema.name`, as foreign keys hold it) written as SQL names it. */
const quotedId = (id: string) => {
  const dot = id.indexOf('.');
  return qualifiedName({ schema: id.slice(0, dot), name: id.slice(dot + 1) });
};

export function tableDescription(table: CatalogTable, knowledge: DatasetKnowledge): string {
  return knowledge.descriptions[table.id] ?? table.comment ?? '';
}

export function columnDescription(table: CatalogTable, column: string, knowledge: DatasetKnowledge): string {
  return knowledge.descriptions[`${table.id}.${column}`] ?? table.columns.find((c) => c.name === column)?.comment ?? '';
}

export function sampledValues(table: CatalogTable, column: string, knowledge: DatasetKnowledge): string[] {
  return knowledge.sampledValues[`${table.id}.${column}`] ?? [];
}

/**
 * One table as DDL-like text. With `only`, just those columns plus the keys, and a count of the
 * rest. Sampled values are shown only when the dataset lets row values reach the model.
 */
export function renderTable(table: CatalogTable, knowledge: DatasetKnowledge, only?: Set<string>): string {
  const description = tableDescription(table, knowledge);
  const header = `TABLE ${qualifiedName(table)}${table.rowEstimate ? ` (~${table.rowEstimate} rows)` : ''}${description ? ` -- ${oneLine(description, 300)}` : ''}`;
  const keyColumns = new Set([...table.primaryKey, ...table.foreignKeys.flatMap((f) => f.columns)]);
  const shown = only ? table.columns.filter((c) => keyColumns.has(c.name) || only.has(c.name)) : table.columns;
  const lines = shown.map((c) => {
    const fk = table.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === c.name);
    const pk = table.primaryKey.length === 1 && table.primaryKey[0] === c.name ? ' PK' : '';
    const ref = fk ? ` -> ${quotedId(fk.table)}.${sqlName(fk.refColumns[0] ?? '')}` : '';
    const notes = [oneLine(columnDescription(table, c.name, knowledge), 200)];
    const values = knowledge.shareRowsWithModel ? sampledValues(table, c.name, knowledge).slice(0, MAX_VALUES) : [];
    if (values.length) notes.push(`values: ${values.map((v) => `'${oneLine(v, 40).replaceAll("'", "''")}'`).join(', ')}`);
    const note = notes.filter(Boolean).join('; ');
    return `  ${sqlName(c.name)} ${c.type}${pk}${ref}${c.nullable || pk ? '' : ' NOT NULL'}${note ? ` -- ${note}` : ''}`;
  });
  if (table.primaryKey.length > 1) lines.push(`  PRIMARY KEY (${table.primaryKey.map(sqlName).join(', ')})`);
  for (const f of table.foreignKeys.filter((f) => f.columns.length > 1)) {
    lines.push(`  FOREIGN KEY (${f.columns.map(sqlName).join(', ')}) -> ${quotedId(f.table)} (${f.refColumns.map(sqlName).join(', ')})`);
  }
  if (shown.length < table.columns.length) lines.push(`  ... ${table.columns.length - shown.length} more columns`);
  return [header, ...lines].join('\n');
}

export function renderGlossaryTerm(term: GlossaryTerm): string {
  return `- ${oneLine(term.term, 80)}: ${oneLine(term.meaning, 300)}${term.sql ? ` (SQL: ${oneLine(term.sql, 300)})` : ''}`;
}

export function renderExample(example: ExampleQuery): string {
  return `Q: ${oneLine(example.question, 300)}\nSQL: ${oneLine(example.sql, 1200)}`;
}
