/**
 * An import's writes on PostgreSQL, set-based (docs/performance.md, "Import"): the rows go as one JSON parameter
 * per 10,000 and the database reads them back with `json_to_recordset`, so a statement carries one value instead
 * of 13 per row (500-row VALUES lists through Prisma cost 0.25 s a statement, three quarters of an import). The
 * same columns and values as the VALUES form of import-sql.ts; SQLite keeps that form.
 */
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { rowName, type ColumnSpec, type ColumnTable } from '@gridwatch/contract';
import type { LineString, MultiLineString, MultiPolygon, Point } from 'geojson';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import type { ImportRecord } from '../../domain/import/import-layers';
import type { ImportLayer } from '../../domain/import/import-layers';
import type { ImportTx } from './import-client';

/** Rows per statement: one JSON text of a few MB. */
export const BULK_CHUNK = 10_000;

const PG_TYPE: Record<ColumnSpec['read'], string> = {
  text: 'text',
  int: 'integer',
  real: 'float8',
  bool: 'boolean',
};

/** A column of the recordset: its name (the table's column), its type, and the expression that writes it. */
export interface BulkColumn {
  name: string;
  type: string;
  value: string;
}

/** The imported columns of a table as recordset columns; a reference is read by its externalId. */
export function importedBulkColumns(table: ColumnTable): BulkColumn[] {
  return Object.values(table).flatMap((c): BulkColumn[] => {
    if (!c.imported) return [];
    if (!c.reference) return [{ name: c.sql, type: PG_TYPE[c.read], value: `x.${c.sql}` }];
    const value = `(SELECT id FROM ${c.reference.table} WHERE external_id = x.${c.sql})`;
    return [{ name: c.sql, type: 'text', value }];
  });
}

type Shape = LineString | MultiLineString | MultiPolygon;

/** The geometry's columns and their values in a record, as GEOMETRY of import-sql.ts writes them. */
export const GEOMETRY_COLUMNS = {
  point: {
    columns: ['lon', 'lat'].map((name) => ({ name, type: 'float8', value: `x.${name}` })),
    values: (g: Point) => ({ lon: g.coordinates[0], lat: g.coordinates[1] }),
  },
  shape: {
    columns: [
      { name: 'geometry', type: 'text', value: 'x.geometry' },
      ...['min_lon', 'min_lat', 'max_lon', 'max_lat'].map((name) => ({
        name,
        type: 'float8',
        value: `x.${name}`,
      })),
    ],
    values: (g: Shape) => {
      const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(g.coordinates);
      return {
        geometry: JSON.stringify(g),
        min_lon: minLon,
        min_lat: minLat,
        max_lon: maxLon,
        max_lat: maxLat,
      };
    },
  },
};

/** A record as one object of the recordset: its imported columns (references by externalId) and geometry's. */
export function recordsetRow(
  columnTable: ColumnTable,
  kind: 'point' | 'shape',
): (record: ImportRecord<ImportLayer>) => Record<string, unknown> {
  const keys = Object.entries(columnTable).filter(([, c]) => c.imported);
  const geometryValues = GEOMETRY_COLUMNS[kind].values as (g: unknown) => object;
  return ({ properties, geometry }) => {
    const given = properties as Readonly<Record<string, unknown>>;
    const row: Record<string, unknown> = {};
    for (const [name, c] of keys) row[c.sql] = given[rowName(name, c)] ?? null;
    return Object.assign(row, geometryValues(geometry));
  };
}

/** Fields sent beside each record that are no column (a site's regions): name → recordset type, and values. */
export interface SentFields {
  types: Readonly<Record<string, string>>;
  /** The fields of the record at this place in `records`. */
  values(index: number): Record<string, unknown>;
}

/**
 * Inserts the records (all new: ON CONFLICT DO NOTHING, the caller compares the count). `extra` columns are SQL
 * over `t`, the row as the table will hold it (references resolved to ids; a point's `geog` as the table
 * generates it) with the `sent` fields beside it: a constant (a site's status_changed_at), or what follows from
 * the row (its accountable utility, import-new-sites-sql.ts). Returns the ids of the rows inserted by their
 * externalIds: every later stage of the import names its rows by id, not by looking the names up again.
 */
export async function bulkInsert<L extends ImportLayer>(
  tx: ImportTx,
  table: string,
  columnTable: ColumnTable,
  kind: 'point' | 'shape',
  records: readonly ImportRecord<L>[],
  extra: Record<string, Sql> = {},
  sent: SentFields = { types: {}, values: () => ({}) },
): Promise<Map<string, number>> {
  const geometry = GEOMETRY_COLUMNS[kind];
  const columns = [...importedBulkColumns(columnTable), ...geometry.columns];
  const sentNames = Object.keys(sent.types);
  // `n`: the row's place in the file, so that ids follow the file's order as with VALUES.
  const recordset = [
    ...columns.map((c) => `${c.name} ${c.type}`),
    'n integer',
    ...sentNames.map((name) => `${name} ${sent.types[name]}`),
  ].join(', ');
  const row = [
    ...columns.map((c) => `${c.value} AS ${c.name}`),
    'x.n',
    ...sentNames.map((name) => `x.${name}`),
    // Unused unless an extra column reads it: the planner then leaves it out.
    ...(kind === 'point' ? ['ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)::geography AS geog'] : []),
  ].join(', ');
  const names = [...columns.map((c) => c.name), ...Object.keys(extra)].join(', ');
  const values = [...columns.map((c) => raw(`t.${c.name}`)), ...Object.values(extra)];
  const toRow = recordsetRow(columnTable, kind);
  const inserted = new Map<string, number>();
  for (let start = 0; start < records.length; start += BULK_CHUNK) {
    const rows = records
      .slice(start, start + BULK_CHUNK)
      .map((record, i) => ({ ...toRow(record), n: start + i, ...sent.values(start + i) }));
    const ids = await tx.$queryRaw<InsertedRow[]>(sql`INSERT INTO ${raw(table)} (${raw(names)})
      SELECT ${join(values)}
      FROM (SELECT ${raw(row)} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(${raw(recordset)})) t
      ORDER BY t.n ON CONFLICT (external_id) DO NOTHING RETURNING id, external_id AS "externalId"`);
    for (const { id, externalId } of ids) inserted.set(externalId, Number(id));
  }
  return inserted;
}

/** A row an insert returns: its new id and its externalId. */
export interface InsertedRow {
  id: number | bigint;
  externalId: string;
}

/** Status-change records of sites by id, all with the same note, user and instant. */
export async function bulkStatusChanges(
  tx: ImportTx,
  changes: readonly { siteId: number; from: string | null; to: string }[],
  note: Sql,
): Promise<void> {
  for (let start = 0; start < changes.length; start += BULK_CHUNK) {
    const rows = changes
      .slice(start, start + BULK_CHUNK)
      .map((c, n) => ({ i: c.siteId, f: c.from, t: c.to, n }));
    await tx.$executeRaw(sql`INSERT INTO status_changes (site_id, from_status, to_status, note, username, at)
      SELECT x.i, x.f, x.t, ${note}
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(i integer, f text, t text, n integer)
      ORDER BY x.n`);
  }
}
