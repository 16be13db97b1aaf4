/**
 * An import's changed rows on PostgreSQL, set-based (docs/performance.md, "Fix 11"): one `UPDATE … FROM
 * json_to_recordset($1)` per BULK_CHUNK rows instead of a statement (a round trip through Prisma) per row, which
 * made 200,000 changed rows take minutes. The same columns and values as the per-row UPDATE of import-sql.ts
 * (which SQLite keeps, each a prepared statement in its writer thread). A site whose version moved on since the
 * plan read it is not updated; RETURNING names the rows that were, so the first stale row in the file's order is
 * the one the conflict names, and the caller's transaction writes nothing.
 */
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { ColumnTable } from '@gridwatch/contract';
import type { ImportLayer } from '../../domain/import/import-layers';
import { ImportConflictError, type ImportUpdate } from '../../domain/import/plan-import';
import { num, type Row } from '../row-values';
import { BULK_CHUNK, GEOMETRY_COLUMNS, importedBulkColumns, recordsetRow } from './import-bulk-sql';
import type { ImportTx } from './import-client';

/** How a layer's update differs: sites check and bump their version and stamp a status change's time. */
export interface BulkUpdateOptions {
  versioned: boolean;
  /** The import's instant, written to `status_changed_at` of the rows whose status changed (sites). */
  statusChangedAt?: string;
}

/** The error of the first update (in the plan's order) that the database did not make. */
export function staleRowError(
  updates: readonly ImportUpdate<ImportLayer>[],
  made: ReadonlySet<number>,
): Error {
  const stale = updates.find((u) => !made.has(u.id));
  return new ImportConflictError(
    `${stale?.record.properties.externalId ?? 'a row'} changed while the import ran`,
  );
}

/** Updates the plan's changed rows of `table`, BULK_CHUNK a statement; ImportConflictError on a stale row. */
export async function bulkUpdate<L extends ImportLayer>(
  tx: ImportTx,
  table: string,
  columnTable: ColumnTable,
  kind: 'point' | 'shape',
  updates: readonly ImportUpdate<L>[],
  options: BulkUpdateOptions,
): Promise<void> {
  const columns = [
    ...importedBulkColumns(columnTable).filter((c) => c.name !== 'external_id'),
    ...GEOMETRY_COLUMNS[kind].columns,
  ];
  const set: Sql[] = columns.map((c) => raw(`${c.name} = ${c.value}`));
  const recordset = [...columns.map((c) => `${c.name} ${c.type}`), 'id integer', 'v integer', 'sc boolean'];
  if (options.versioned) set.push(raw('version = t.version + 1'));
  if (options.statusChangedAt !== undefined)
    set.push(
      sql`status_changed_at = CASE WHEN x.sc THEN ${options.statusChangedAt} ELSE t.status_changed_at END`,
    );
  const versionCheck = options.versioned ? raw('AND t.version = x.v') : raw('');
  const toRow = recordsetRow(columnTable, kind);
  for (let start = 0; start < updates.length; start += BULK_CHUNK) {
    const part = updates.slice(start, start + BULK_CHUNK);
    const rows = part.map((u) => ({ ...toRow(u.record), id: u.id, v: u.version, sc: u.statusChanged }));
    const made = await tx.$queryRaw<Row[]>(sql`UPDATE ${raw(table)} AS t SET ${join(set)}
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(${raw(recordset.join(', '))})
      WHERE t.id = x.id ${versionCheck} RETURNING t.id`);
    if (made.length !== part.length) throw staleRowError(part, new Set(made.map((r) => num(r.id))));
  }
}
