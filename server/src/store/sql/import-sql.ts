import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { LineString, MultiLineString, MultiPolygon, Point } from 'geojson';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import type { ReferenceTable } from '../../domain/import/fields';
import type {
  ImportGeometry,
  ImportLayer,
  ImportProperties,
  ImportRecord,
} from '../../domain/import/import-layers';
import {
  ImportConflictError,
  type ExistingRecord,
  type ImportPlan,
  type ImportUpdate,
  countsOf,
  placedIds,
  writtenIds,
  reassignedIds,
  type ImportCounts,
} from '../../domain/import/plan-import';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  type ColumnTable,
} from '@gridwatch/contract';
import {
  importedColumnNames,
  importedInsertValues,
  importedUpdateSet,
  importSelect,
} from '../columns/column-sql';
import { readImported } from '../columns/read-column';
import type { Backend } from '../store';
import { bulkInsert, bulkStatusChanges, type InsertedRow } from './import-bulk-sql';
import { writeTransaction } from '../records/idempotency';
import { refreshSiteUtilities, siteUtilitiesAcrossSubstationImport } from './site-utility-sql';
import { idIn } from './id-list-sql';
import { num, pointOf as point, str, strOrNull, type Row } from '../row-values';
import type { ImportClient, ImportTx } from './import-client';
import { isMemberLayer, refreshPointMembers, refreshRegionMembers } from './region-members-sql';
import { refreshPairsOfImport } from './site-substation-pairs-sql';
import { recomputeHotspotLoadsOfSubstations } from './hotspot-loads-sql';
import { servedLoadsAcrossSubstationImport } from './served-loads-sql';
import { putNewSitesInDerived, putSitesInDerived, takeSitesOutOfDerived } from './site-write-sql';
import { refreshPointMembersBulk } from './import-members-sql';
import { bulkUpdate, staleRowError } from './import-update-sql';
import { insertNewSites } from './import-new-sites-sql';
import { importStageClock } from './import-stages';

export type { ImportClient, ImportTx };

/**
 * Rows per statement: 500 rows of at most 13 values stay far below the bound-parameter limits of SQLite (32,766)
 * and PostgreSQL (65,535), while sending few statements.
 */
const CHUNK = 500;

/** Prisma's interactive transactions time out after 5 s by default; a 200,000-row import needs longer. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10 * 60_000 };

/** Each import layer's SQL: the same on both stores, over the columns of its column table. */
interface LayerImportSql<L extends ImportLayer> {
  table: string;
  /** SELECT … FROM … of the stored rows as import records, the row alias being `t`. */
  select: Sql;
  toExisting(row: Row): ExistingRecord<L>;
  insertColumns: Sql;
  insertValues(record: ImportRecord<L>, plan: ImportPlan<L>): Sql;
  /** PostgreSQL: inserts the plan's new rows set-based (import-bulk-sql.ts); the ids inserted by externalId. */
  bulkInsert(
    tx: ImportTx,
    plan: ImportPlan<L>,
    pairCondition: (radiusKm: number) => Sql,
  ): Promise<Map<string, number>>;
  /** PostgreSQL: bulkInsert also files the new rows under their regions and sets their accountable utility. */
  filesNewRows?: true;
  updateSet(update: ImportUpdate<L>, plan: ImportPlan<L>): Sql;
  /** PostgreSQL: updates the plan's changed rows set-based (import-update-sql.ts). */
  bulkUpdate(tx: ImportTx, plan: ImportPlan<L>): Promise<void>;
}

type ImportShape = LineString | MultiLineString | MultiPolygon;

/** How an import layer's geometry is selected, read back and written. */
interface GeometryColumns<G> {
  select: Sql;
  read(row: Row): G;
  columns: Sql[];
  values(geometry: G): Sql[];
  set(geometry: G): Sql[];
}

/** The columns of a layer's geometry: a point's lon/lat, or a shape's GeoJSON text and its box. */
const GEOMETRY: { point: GeometryColumns<Point>; shape: GeometryColumns<ImportShape> } = {
  point: {
    select: sql`t.lon, t.lat`,
    read: (row: Row) => point(row),
    columns: [raw('lon'), raw('lat')],
    values: (g: Point) => [sql`${g.coordinates[0]}`, sql`${g.coordinates[1]}`],
    set: (g: Point) => [sql`lon = ${g.coordinates[0]}`, sql`lat = ${g.coordinates[1]}`],
  },
  shape: {
    select: sql`t.geometry`,
    read: (row: Row) => JSON.parse(str(row.geometry)) as ImportShape,
    columns: ['geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'].map(raw),
    values: (g: ImportShape) => [sql`${JSON.stringify(g)}`, join(bboxOfCoordinates(g.coordinates))],
    set: (g: ImportShape) => {
      const [minLon, minLat, maxLon, maxLat] = bboxOfCoordinates(g.coordinates);
      return [
        sql`geometry = ${JSON.stringify(g)}`,
        sql`min_lon = ${minLon}, min_lat = ${minLat}, max_lon = ${maxLon}, max_lat = ${maxLat}`,
      ];
    },
  },
};

/**
 * The import SQL of a layer without versions: its imported columns (column-sql.ts) and its geometry's. Sites
 * add their version and the time of the last status change below.
 */
function layerImportSql<L extends ImportLayer>(
  layer: L,
  columns: ColumnTable,
  kind: keyof typeof GEOMETRY,
): LayerImportSql<L> {
  const selected = importSelect(columns);
  // The layer's geometry type is the kind's (IMPORT_RULES); TypeScript cannot follow that through `kind`.
  const geometry = GEOMETRY[kind] as unknown as GeometryColumns<ImportGeometry<L>>;
  return {
    table: layer,
    select: sql`SELECT t.id, ${selected.columns}, ${geometry.select} FROM ${raw(layer)} t ${selected.joins}`,
    toExisting: (row) => ({
      id: num(row.id),
      version: null,
      record: {
        properties: readImported(columns, row) as ImportProperties<L>,
        geometry: geometry.read(row),
      },
    }),
    insertColumns: sql`(${join([...importedColumnNames(columns), ...geometry.columns])})`,
    insertValues: ({ properties, geometry: g }) =>
      sql`(${join([...importedInsertValues(columns, properties), ...geometry.values(g)])})`,
    bulkInsert: (tx, plan) => bulkInsert(tx, layer, columns, kind, plan.create),
    bulkUpdate: (tx, plan) => bulkUpdate(tx, layer, columns, kind, plan.update, { versioned: false }),
    updateSet: ({ record: { properties, geometry: g } }) =>
      join([...importedUpdateSet(columns, properties), ...geometry.set(g)]),
  };
}

const SITES_BASE = layerImportSql('sites', SITE_COLUMNS, 'point');
const SITE_SELECT = importSelect(SITE_COLUMNS);

// A new site's status changed when it was imported; any change to a site bumps its version, so an edit made
// against the old row is refused as stale.
const SITES: LayerImportSql<'sites'> = {
  ...SITES_BASE,
  // Retired sites too: the plan refuses a row that names one (plan-import.ts).
  select: sql`SELECT t.id, t.version, t.retired_at AS "retiredAt", ${SITE_SELECT.columns}, t.lon, t.lat
    FROM sites t ${SITE_SELECT.joins}`,
  toExisting: (row) => ({
    ...SITES_BASE.toExisting(row),
    version: num(row.version),
    retiredAt: strOrNull(row.retiredAt),
  }),
  insertColumns: sql`(${join([...importedColumnNames(SITE_COLUMNS), raw('lon, lat, status_changed_at')])})`,
  insertValues: ({ properties, geometry }, plan) => {
    const values = [...importedInsertValues(SITE_COLUMNS, properties), ...GEOMETRY.point.values(geometry)];
    return sql`(${join([...values, sql`${plan.at}`])})`;
  },
  // New sites come with their region memberships and accountable utility (import-new-sites-sql.ts).
  bulkInsert: (tx, plan, pairCondition) => insertNewSites(tx, plan.create, plan.at, pairCondition),
  filesNewRows: true,
  bulkUpdate: (tx, plan) =>
    bulkUpdate(tx, 'sites', SITE_COLUMNS, 'point', plan.update, {
      versioned: true,
      statusChangedAt: plan.at,
    }),
  updateSet: (update, plan) =>
    sql`${SITES_BASE.updateSet(update, plan)}, version = version + 1
      ${update.statusChanged ? sql`, status_changed_at = ${plan.at}` : empty}`,
};

const IMPORT_SQL: { [L in ImportLayer]: LayerImportSql<L> } = {
  sites: SITES,
  substations: layerImportSql('substations', SUBSTATION_COLUMNS, 'point'),
  lines: layerImportSql('lines', LINE_COLUMNS, 'shape'),
  pylons: layerImportSql('pylons', PYLON_COLUMNS, 'point'),
  regions: layerImportSql('regions', REGION_COLUMNS, 'shape'),
};

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The externalIds as lists for `IN (…)`: on PostgreSQL all of them as one JSON parameter (IN lists of 500
 * through Prisma cost a round trip and 500 parameters each: a fifth of an import's look-ups and write), on
 * SQLite, whose statements cost no round trip, lists of 500.
 */
function externalIdLists(backend: Backend, externalIds: readonly string[]): Sql[] {
  if (backend === 'postgis') {
    if (externalIds.length === 0) return [];
    return [sql`SELECT value FROM json_array_elements_text(${JSON.stringify(externalIds)}::json)`];
  }
  return chunks(externalIds).map((ids) => join(ids));
}

/** The stored rows of the layer with these externalIds, keyed by externalId. */
export async function findImportRecords<L extends ImportLayer>(
  db: ImportTx,
  backend: Backend,
  layer: L,
  externalIds: readonly string[],
): Promise<Map<string, ExistingRecord<L>>> {
  const layerSql = IMPORT_SQL[layer] as LayerImportSql<L>;
  const found = new Map<string, ExistingRecord<L>>();
  for (const ids of externalIdLists(backend, externalIds)) {
    const rows = await db.$queryRaw<Row[]>(sql`${layerSql.select} WHERE t.external_id IN (${ids})`);
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
  backend: Backend,
  table: ReferenceTable,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const ids of externalIdLists(backend, externalIds)) {
    const rows = await db.$queryRaw<Row[]>(
      sql`SELECT external_id AS "externalId" FROM ${raw(table)} WHERE external_id IN (${ids})`,
    );
    for (const row of rows) found.add(str(row.externalId));
  }
  return found;
}

/** Inserts the plan's new rows, 500 a statement of VALUES; the ids inserted by externalId. */
async function insertValues<L extends ImportLayer>(
  tx: ImportTx,
  layerSql: LayerImportSql<L>,
  plan: ImportPlan<L>,
): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  for (const records of chunks(plan.create)) {
    const values = join(records.map((record) => layerSql.insertValues(record, plan)));
    const ids = await tx.$queryRaw<
      InsertedRow[]
    >(sql`INSERT INTO ${raw(layerSql.table)} ${layerSql.insertColumns}
      VALUES ${values} ON CONFLICT (external_id) DO NOTHING RETURNING id, external_id AS "externalId"`);
    for (const { id, externalId } of ids) inserted.set(externalId, Number(id));
  }
  return inserted;
}

/** The status-change records `changes` (site ids), 500 a statement of VALUES. */
async function insertStatusChanges<L extends ImportLayer>(
  tx: ImportTx,
  plan: ImportPlan<L>,
  changes: readonly { siteId: number; from: string | null; to: string }[],
): Promise<void> {
  for (const chunk of chunks(changes)) {
    const values = join(
      chunk.map((c) => sql`(${c.siteId}, ${c.from}, ${c.to}, ${plan.note}, ${plan.username}, ${plan.at})`),
    );
    await tx.$executeRaw(
      sql`INSERT INTO status_changes (site_id, from_status, to_status, note, username, at) VALUES ${values}`,
    );
  }
}

/**
 * Updates the plan's changed rows: on PostgreSQL set-based; on SQLite a statement per row, all run as prepared
 * statements in the writer thread (one message per statement shape, not one per row). A site whose version moved
 * on since the plan read it aborts the transaction with ImportConflictError naming the first such row.
 */
async function updateRows<L extends ImportLayer>(
  tx: ImportTx,
  backend: Backend,
  layerSql: LayerImportSql<L>,
  plan: ImportPlan<L>,
): Promise<void> {
  if (plan.update.length === 0) return;
  if (backend === 'postgis') return layerSql.bulkUpdate(tx, plan);
  const statements = plan.update.map((update) => {
    const versionCheck = update.version === null ? empty : sql`AND version = ${update.version}`;
    return sql`UPDATE ${raw(layerSql.table)} SET ${layerSql.updateSet(update, plan)}
        WHERE id = ${update.id} ${versionCheck}`;
  });
  let changes: number[];
  if (tx.$executeEach) changes = await tx.$executeEach(statements);
  else {
    changes = [];
    for (const statement of statements) changes.push(await tx.$executeRaw(statement));
  }
  if (changes.some((n) => n !== 1))
    throw staleRowError(
      plan.update,
      new Set(plan.update.filter((_, i) => changes[i] === 1).map((u) => u.id)),
    );
}

/**
 * Writes the plan in one transaction: inserts, updates, the status-change records, and one audit record of the
 * import (entity `import`) naming the rows it created and updated. A row that another
 * writer created or changed since the plan was made (an insert that meets an existing externalId, an update of a
 * site whose version moved on) aborts the transaction with ImportConflictError, so nothing is written.
 */
export async function applyImport<L extends ImportLayer>(
  db: ImportClient,
  backend: Backend,
  plan: ImportPlan<L>,
  pairCondition: (radiusKm: number) => Sql,
): Promise<ImportCounts> {
  const layerSql = IMPORT_SQL[plan.layer] as LayerImportSql<L>;
  // The counts are the transaction's result: a retried import (Idempotency-Key) answers with the first one's.
  return writeTransaction(
    db,
    async (tx) => {
      const lap = importStageClock();
      // JIT compiles the big statements' expressions afresh in every import: in the utility UPDATE of 20,000
      // sites it took 1.8–2.1 s of 4.5–5.8 s (docs/performance.md, "Fix 11"); without it they run interpreted.
      if (backend === 'postgis') await tx.$executeRaw(sql`SET LOCAL jit = off`);
      // The rows it updates are named by id from here on, and the rows it creates by the ids the insert returns:
      // no stage looks a name up again (each look-up of 100,000 names cost about 0.5 s at 1M sites).
      const updatedIds = plan.update.map((u) => u.id);
      const sitesIn = (ids: readonly number[]) => idIn(backend, sql`t.id`, ids);
      // The sites about to change leave the tables derived from them as they are now (site-write-sql.ts).
      if (plan.layer === 'sites' && updatedIds.length > 0)
        await takeSitesOutOfDerived(tx, backend, sitesIn(updatedIds));
      lap('derived out');
      // PostgreSQL takes the rows set-based; SQLite, whose statements cost no round trip, multi-row VALUES.
      const inserted =
        backend === 'postgis'
          ? await layerSql.bulkInsert(tx, plan, pairCondition)
          : await insertValues(tx, layerSql, plan);
      if (inserted.size !== plan.create.length)
        throw new ImportConflictError('another writer created some of its rows while the import ran');
      const idOf = new Map(inserted);
      for (const u of plan.update) idOf.set(u.record.properties.externalId, u.id);
      const idsOf = (externalIds: readonly string[]) => externalIds.map((e) => idOf.get(e)!);
      lap('insert');
      await updateRows(tx, backend, layerSql, plan);
      lap('update');
      const changes = plan.statusChanges.map((c) => ({
        siteId: idOf.get(c.siteExternalId)!,
        from: c.from,
        to: c.to,
      }));
      if (backend === 'postgis')
        await bulkStatusChanges(tx, changes, sql`${plan.note}, ${plan.username}, ${plan.at}`);
      else await insertStatusChanges(tx, plan, changes);
      lap('status changes');
      // What follows from a row's place and references is refiled only for the rows that need it: `placed`
      // (new or moved) get their region memberships and substation pairs anew, `reassigned` (placed, or with
      // another feeder, utility, …) their accountable utility. A changed name, load or status touches neither.
      const placed = placedIds(plan);
      const created = new Set(plan.create.map((r) => r.properties.externalId));
      const moved = placed.filter((id) => !created.has(id));
      // Rows the insert filed already (filesNewRows) are refiled by nothing below but their pairs.
      const filed = backend === 'postgis' && layerSql.filesNewRows ? created : new Set<string>();
      const refiled = placed.filter((id) => !filed.has(id));
      const reassigned = reassignedIds(plan).filter((id) => !filed.has(id));
      if (plan.layer === 'regions') await refreshRegionMembers(tx, refiled);
      else if (isMemberLayer(plan.layer))
        await (backend === 'postgis' ? refreshPointMembersBulk : refreshPointMembers)(
          tx,
          plan.layer,
          refiled,
        );
      lap('memberships');
      // The accountable utility follows: of the sites reassigned; of every site when regions (service regions)
      // were placed; of the sites around placed or relinked substations, after their pairs (below).
      if (plan.layer === 'sites' && reassigned.length > 0)
        await refreshSiteUtilities(tx, pairCondition, sitesIn(idsOf(reassigned)));
      else if (
        plan.layer !== 'sites' &&
        plan.layer !== 'substations' &&
        plan.layer !== 'lines' &&
        plan.layer !== 'pylons' &&
        reassigned.length > 0
      )
        await refreshSiteUtilities(tx, pairCondition);
      lap('utility');
      // The pairs of the placed rows refiled; for substations, their hotspot rows, the served loads and the sites'
      // utilities around them recomputed from them.
      const refilePairs = () =>
        refreshPairsOfImport(tx, backend, pairCondition, plan.layer, idsOf(placed), idsOf(moved));
      if (plan.layer === 'substations') {
        const written = idsOf(writtenIds(plan));
        // Placed or given another utility: every one of them, whatever the insert filed.
        const relinked = idsOf(reassignedIds(plan));
        // What the pairs say before the refile, read now; each upkeep runs after it.
        const servedAfter = await servedLoadsAcrossSubstationImport(tx, backend, written);
        const utilitiesAfter = await siteUtilitiesAcrossSubstationImport(
          tx,
          backend,
          pairCondition,
          relinked,
        );
        await refilePairs();
        await recomputeHotspotLoadsOfSubstations(tx, backend, written);
        await servedAfter();
        await utilitiesAfter();
      } else await refilePairs();
      lap('pairs');
      // Every written site back into the derived tables, as it is now (the ones it created with their one record,
      // its own).
      if (plan.layer === 'sites' && updatedIds.length > 0)
        await putSitesInDerived(tx, backend, sitesIn(updatedIds));
      if (plan.layer === 'sites' && inserted.size > 0)
        await putNewSitesInDerived(tx, backend, sitesIn([...inserted.values()]), plan.at);
      lap('derived in');
      const details = {
        layer: plan.layer,
        note: plan.note,
        created: plan.create.map((r) => r.properties.externalId),
        updated: plan.update.map((u) => u.record.properties.externalId),
        unchanged: plan.unchanged,
      };
      await tx.$executeRaw(sql`INSERT INTO audit_records (entity, entity_id, action, username, at, details)
      VALUES ('import', NULL, 'import', ${plan.username}, ${plan.at}, ${JSON.stringify(details)})`);
      lap('audit');
      return countsOf(plan);
    },
    TRANSACTION_OPTIONS,
  );
}
