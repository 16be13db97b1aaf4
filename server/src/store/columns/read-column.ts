import type { ColumnSpec, ColumnTable } from '@gridwatch/contract';
import { rowName } from '@gridwatch/contract';
import { bool, int, intOrNull, num, numOrNull, str, strOrNull, type Row } from '../row-values';

const READERS: Record<ColumnSpec['read'], [(v: unknown) => unknown, (v: unknown) => unknown]> = {
  text: [str, strOrNull],
  int: [int, intOrNull],
  real: [num, numOrNull],
  bool: [bool, bool],
};

/** A column's value from a raw row, normalised as the column's kind says. */
export const readColumn = (column: ColumnSpec, value: unknown): unknown =>
  READERS[column.read][column.nullable ? 1 : 0](value);

/** The served properties of a row selected with `servedSelect`, in the table's order. */
export function readServed(table: ColumnTable, row: Row): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(table))
    if (column.served) properties[name] = readColumn(column, row[name]);
  return properties;
}

/** The imported properties of a row selected with `importSelect`: references as externalIds. */
export function readImported(table: ColumnTable, row: Row): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(table)) {
    if (!column.imported) continue;
    const key = rowName(name, column);
    properties[key] = column.reference
      ? (column.nullable ? strOrNull : str)(row[key])
      : readColumn(column, row[key]);
  }
  return properties;
}
