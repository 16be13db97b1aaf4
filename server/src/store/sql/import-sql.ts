import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LineString, MultiLineString, MultiPolygon } from 'geojson';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import type { ReferenceTable } from '../../domain/import/fields';
import type { ImportLayer, ImportRecord } from '../../domain/import/import-layers';
import type { LineImport } from '../../domain/import/line-rows';
import {
  ImportConflictError,
  type ExistingRecord,
  type ImportPlan,
  type ImportUpdate,
} from '../../domain/import/plan-import';
import type { PylonImport } from '../../domain/import/pylon-rows';
import type { RegionImport } from '../../domain/import/region-rows';
import type { SiteImport } from '../../domain/import/site-rows';
import type { SubstationImport } from '../../domain/import/substation-rows';
import { SITE_COLUMNS } from '@gridwatch/contract';
import {
  importedColumnNames,
  importedInsertValues,
  importedUpdateSet,
  importSelect,
} from '../columns/column-sql';
import { readImported } from '../columns/read-column';
import { num, numOrNull, pointOf as point, str, strOrNull, type Row } from '../row-values';
import type { ImportClient, ImportTx } from './import-client';
import { isMemberLayer, refreshPointMembers, refreshRegionMembers } from './region-members-sql';

export type { ImportClient, ImportTx };

/**
 * Rows per statement: 500 rows of at most 13 values stay far below the bound-parameter limits of SQLite (32,766)
 * and PostgreSQL (65,535), while sending few statements.
 */
const CHUNK = 500;

/** Prisma's interactive transactions time out after 5 s by default; a 200,000-row import needs longer. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10 * 60_000 };

const ref = (table: ReferenceTable, externalId: string | null): Sql =>
  sql`(SELECT id FROM ${raw(table)} WHERE external_id = ${externalId})`;

/** Each import layer's SQL: the same on both stores, over the columns of prisma/migrations. */
interface LayerImportSql<L extends ImportLayer> {
  table: string;
  /** SELECT … FROM … of the stored rows as import records, the row alias being `t`. */
  select: Sql;
  toExisting(row: Row): ExistingRecord<L>;
  insertColumns: Sql;
  insertValues(record: ImportRecord<L>, plan: ImportPlan<L>): Sql;
  updateSet(update: ImportUpdate<L>, plan: ImportPlan<L>): Sql;
}

function bboxColumns(geometry: LineString | MultiLineString | MultiPolygon): Sql {
  return join(bboxOfCoordinates(geometry.coordinates) as unknown as number[]);
}

const SITE_IMPORT = importSelect(SITE_COLUMNS);

const SITES: LayerImportSql<'sites'> = {
  table: 'sites',
  select: sql`SELECT t.id, t.version, ${SITE_IMPORT.columns}, t.lon, t.lat FROM sites t ${SITE_IMPORT.joins}`,
  toExisting: (r) => ({
    id: num(r.id),
    version: num(r.version),
    record: { properties: readImported(SITE_COLUMNS, r) as SiteImport, geometry: point(r) },
  }),
  insertColumns: sql`(${join([...importedColumnNames(SITE_COLUMNS), raw('status_changed_at, lon, lat')])})`,
  insertValues: ({ properties: p, geometry: g }, plan) =>
    sql`(${join([...importedInsertValues(SITE_COLUMNS, p), sql`${plan.at}, ${g.coordinates[0]}, ${g.coordinates[1]}`])})`,
  // Any change to a site bumps its version, so an edit made against the old row is refused as stale.
  updateSet: ({ record: { properties: p, geometry: g }, statusChanged }, plan) =>
    sql`${join(importedUpdateSet(SITE_COLUMNS, p))}, lon = ${g.coordinates[0]}, lat = ${g.coordinates[1]},
      version = version + 1 ${statusChanged ? sql`, status_changed_at = ${plan.at}` : empty}`,
};

const SUBSTATIONS: LayerImportSql<'substations'> = {
  table: 'substations',
  select: sql`SELECT t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
    t.voltage_kv AS "voltageKv", t.capacity_mva AS "capacityMva", u.external_id AS "utilityExternalId",
    t.base_load_mw AS "baseLoadMw", t.metered_peak_mw AS "meteredPeakMw", t.lon, t.lat
    FROM substations t LEFT JOIN utilities u ON u.id = t.utility_id`,
  toExisting: (r) => ({
    id: num(r.id),
    version: null,
    record: {
      properties: {
        externalId: str(r.externalId),
        name: str(r.name),
        nameZh: str(r.nameZh),
        voltageKv: num(r.voltageKv),
        capacityMva: num(r.capacityMva),
        utilityExternalId: strOrNull(r.utilityExternalId),
        baseLoadMw: numOrNull(r.baseLoadMw),
        meteredPeakMw: numOrNull(r.meteredPeakMw),
      } satisfies SubstationImport,
      geometry: point(r),
    },
  }),
  insertColumns: sql`(external_id, name, name_zh, voltage_kv, capacity_mva, utility_id, base_load_mw,
    metered_peak_mw, lon, lat)`,
  insertValues: ({ properties: p, geometry: g }) =>
    sql`(${p.externalId}, ${p.name}, ${p.nameZh}, ${p.voltageKv}, ${p.capacityMva},
      ${ref('utilities', p.utilityExternalId)}, ${p.baseLoadMw}, ${p.meteredPeakMw}, ${g.coordinates[0]},
      ${g.coordinates[1]})`,
  updateSet: ({ record: { properties: p, geometry: g } }) =>
    sql`name = ${p.name}, name_zh = ${p.nameZh}, voltage_kv = ${p.voltageKv}, capacity_mva = ${p.capacityMva},
      utility_id = ${ref('utilities', p.utilityExternalId)}, base_load_mw = ${p.baseLoadMw},
      metered_peak_mw = ${p.meteredPeakMw}, lon = ${g.coordinates[0]}, lat = ${g.coordinates[1]}`,
};

const LINES: LayerImportSql<'lines'> = {
  table: 'lines',
  select: sql`SELECT t.id, t.external_id AS "externalId", t.name, t.name_zh AS "nameZh",
    t.voltage_kv AS "voltageKv", fs.external_id AS "fromSubstationExternalId",
    ts.external_id AS "toSubstationExternalId", t.geometry
    FROM lines t LEFT JOIN substations fs ON fs.id = t.from_substation_id
    LEFT JOIN substations ts ON ts.id = t.to_substation_id`,
  toExisting: (r) => ({
    id: num(r.id),
    version: null,
    record: {
      properties: {
        externalId: str(r.externalId),
        name: str(r.name),
        nameZh: str(r.nameZh),
        voltageKv: num(r.voltageKv),
        fromSubstationExternalId: strOrNull(r.fromSubstationExternalId),
        toSubstationExternalId: strOrNull(r.toSubstationExternalId),
      } satisfies LineImport,
      geometry: JSON.parse(str(r.geometry)) as LineString | MultiLineString,
    },
  }),
  insertColumns: sql`(external_id, name, name_zh, voltage_kv, from_substation_id, to_substation_id, geometry,
    min_lon, min_lat, max_lon, max_lat)`,
  insertValues: ({ properties: p, geometry: g }) =>
    sql`(${p.externalId}, ${p.name}, ${p.nameZh}, ${p.voltageKv}, ${ref('substations', p.fromSubstationExternalId)},
      ${ref('substations', p.toSubstationExternalId)}, ${JSON.stringify(g)}, ${bboxColumns(g)})`,
  updateSet: ({ record: { properties: p, geometry: g } }) => {
    const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(g.coordinates);
    return sql`name = ${p.name}, name_zh = ${p.nameZh}, voltage_kv = ${p.voltageKv},
      from_substation_id = ${ref('substations', p.fromSubstationExternalId)},
      to_substation_id = ${ref('substations', p.toSubstationExternalId)}, geometry = ${JSON.stringify(g)},
      min_lon = ${minLon}, min_lat = ${minLat}, max_lon = ${maxLon}, max_lat = ${maxLat}`;
  },
};

const PYLONS: LayerImportSql<'pylons'> = {
  table: 'pylons',
  select: sql`SELECT t.id, t.external_id AS "externalId", l.external_id AS "lineExternalId", t.seq, t.lon, t.lat
    FROM pylons t JOIN lines l ON l.id = t.line_id`,
  toExisting: (r) => ({
    id: num(r.id),
    version: null,
    record: {
      properties: {
        externalId: str(r.externalId),
        lineExternalId: str(r.lineExternalId),
        seq: num(r.seq),
      } satisfies PylonImport,
      geometry: point(r),
    },
  }),
  insertColumns: sql`(external_id, line_id, seq, lon, lat)`,
  insertValues: ({ properties: p, geometry: g }) =>
    sql`(${p.externalId}, ${ref('lines', p.lineExternalId)}, ${p.seq}, ${g.coordinates[0]}, ${g.coordinates[1]})`,
  updateSet: ({ record: { properties: p, geometry: g } }) =>
    sql`line_id = ${ref('lines', p.lineExternalId)}, seq = ${p.seq}, lon = ${g.coordinates[0]},
      lat = ${g.coordinates[1]}`,
};

const REGIONS: LayerImportSql<'regions'> = {
  table: 'regions',
  select: sql`SELECT t.id, t.external_id AS "externalId", t.code, t.name, t.name_zh AS "nameZh", t.level,
    t.geometry FROM regions t`,
  toExisting: (r) => ({
    id: num(r.id),
    version: null,
    record: {
      properties: {
        externalId: str(r.externalId),
        code: str(r.code),
        name: str(r.name),
        nameZh: str(r.nameZh),
        level: str(r.level) as RegionImport['level'],
      } satisfies RegionImport,
      geometry: JSON.parse(str(r.geometry)) as MultiPolygon,
    },
  }),
  insertColumns: sql`(external_id, code, name, name_zh, level, geometry, min_lon, min_lat, max_lon, max_lat)`,
  insertValues: ({ properties: p, geometry: g }) =>
    sql`(${p.externalId}, ${p.code}, ${p.name}, ${p.nameZh}, ${p.level}, ${JSON.stringify(g)}, ${bboxColumns(g)})`,
  updateSet: ({ record: { properties: p, geometry: g } }) => {
    const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(g.coordinates);
    return sql`code = ${p.code}, name = ${p.name}, name_zh = ${p.nameZh}, level = ${p.level},
      geometry = ${JSON.stringify(g)}, min_lon = ${minLon}, min_lat = ${minLat}, max_lon = ${maxLon},
      max_lat = ${maxLat}`;
  },
};

const IMPORT_SQL: { [L in ImportLayer]: LayerImportSql<L> } = {
  sites: SITES,
  substations: SUBSTATIONS,
  lines: LINES,
  pylons: PYLONS,
  regions: REGIONS,
};

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The stored rows of the layer with these externalIds, keyed by externalId. */
export async function findImportRecords<L extends ImportLayer>(
  db: ImportTx,
  layer: L,
  externalIds: readonly string[],
): Promise<Map<string, ExistingRecord<L>>> {
  const layerSql = IMPORT_SQL[layer] as LayerImportSql<L>;
  const found = new Map<string, ExistingRecord<L>>();
  for (const ids of chunks(externalIds)) {
    const rows = await db.$queryRaw<Row[]>(sql`${layerSql.select} WHERE t.external_id IN (${join(ids)})`);
    for (const row of rows) {
      const existing = layerSql.toExisting(row);
      found.set(existing.record.properties.externalId, existing);
    }
  }
  return found;
}

/** Which of these externalIds exist in the table (a fixed allow-list, never a request's text). */
export async function existingExternalIds(
  db: ImportTx,
  table: ReferenceTable,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const ids of chunks(externalIds)) {
    const rows = await db.$queryRaw<Row[]>(
      sql`SELECT external_id AS "externalId" FROM ${raw(table)} WHERE external_id IN (${join(ids)})`,
    );
    for (const row of rows) found.add(str(row.externalId));
  }
  return found;
}

/**
 * Writes the plan in one transaction: inserts, updates, the status-change records, and one audit record of the
 * import (entity `import`) naming the rows it created and updated. A row that another
 * writer created or changed since the plan was made (an insert that meets an existing externalId, an update of a
 * site whose version moved on) aborts the transaction with ImportConflictError, so nothing is written.
 */
export async function applyImport<L extends ImportLayer>(
  db: ImportClient,
  plan: ImportPlan<L>,
): Promise<void> {
  const layerSql = IMPORT_SQL[plan.layer] as LayerImportSql<L>;
  await db.$transaction(async (tx) => {
    for (const records of chunks(plan.create)) {
      const values = join(records.map((record) => layerSql.insertValues(record, plan)));
      const inserted = await tx.$executeRaw(sql`INSERT INTO ${raw(layerSql.table)} ${layerSql.insertColumns}
        VALUES ${values} ON CONFLICT (external_id) DO NOTHING`);
      if (inserted !== records.length)
        throw new ImportConflictError('another writer created some of its rows while the import ran');
    }
    for (const update of plan.update) {
      const versionCheck = update.version === null ? empty : sql`AND version = ${update.version}`;
      const changed =
        await tx.$executeRaw(sql`UPDATE ${raw(layerSql.table)} SET ${layerSql.updateSet(update, plan)}
        WHERE id = ${update.id} ${versionCheck}`);
      if (changed !== 1)
        throw new ImportConflictError(`${update.record.properties.externalId} changed while the import ran`);
    }
    for (const changes of chunks(plan.statusChanges)) {
      const values = join(
        changes.map(
          (c) => sql`((SELECT id FROM sites WHERE external_id = ${c.siteExternalId}), ${c.from}, ${c.to},
            ${plan.note}, ${plan.username}, ${plan.at})`,
        ),
      );
      await tx.$executeRaw(
        sql`INSERT INTO status_changes (site_id, from_status, to_status, note, username, at) VALUES ${values}`,
      );
    }
    // The points (or regions) just written are filed under their regions anew, in the same transaction.
    const written = [
      ...plan.create.map((r) => r.properties.externalId),
      ...plan.update.map((u) => u.record.properties.externalId),
    ];
    if (plan.layer === 'regions') await refreshRegionMembers(tx, written);
    else if (isMemberLayer(plan.layer)) await refreshPointMembers(tx, plan.layer, written);
    const details = {
      layer: plan.layer,
      note: plan.note,
      created: plan.create.map((r) => r.properties.externalId),
      updated: plan.update.map((u) => u.record.properties.externalId),
      unchanged: plan.unchanged,
    };
    await tx.$executeRaw(sql`INSERT INTO audit_records (entity, entity_id, action, username, at, details)
      VALUES ('import', NULL, 'import', ${plan.username}, ${plan.at}, ${JSON.stringify(details)})`);
  }, TRANSACTION_OPTIONS);
}
