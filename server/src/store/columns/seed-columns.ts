import { rowName, type ColumnSpec, type ColumnTable, type ReferencedTable } from '@gridwatch/contract';
import type { SeedRef } from '../seed-references';

const SEED_KIND: Record<ReferencedTable, Parameters<SeedRef>[0]> = {
  substations: 'substation',
  utilities: 'utility',
  lines: 'line',
};

/** A seeded column: its SQL name, its kind, and its value in a seed row (a reference resolved to an id). */
export interface SeedColumn<R> {
  sql: string;
  read: ColumnSpec['read'];
  value(row: R): unknown;
}

/** The seeded columns of a table, in its order, for the bulk loaders of both stores. */
export function seedColumns<R extends object>(table: ColumnTable, ref: SeedRef): SeedColumn<R>[] {
  return Object.entries(table)
    .filter(([, c]) => c.seeded)
    .map(([name, c]) => {
      const key = rowName(name, c);
      const of = (row: R) => (row as Readonly<Record<string, unknown>>)[key];
      const { reference } = c;
      return {
        sql: c.sql,
        read: c.read,
        value: reference ? (row: R) => ref(SEED_KIND[reference.table], of(row) as string | null) : of,
      };
    });
}
