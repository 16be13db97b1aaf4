import type Database from 'better-sqlite3';
import type { LineString, MultiPolygon } from 'geojson';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  type ColumnTable,
  type SeedData,
} from '@gridwatch/contract';
import { seedColumns } from '../columns/seed-columns';
import { FOLD_GROUP_BY, FOLD_READING_DAYS } from '../sql/readings-sql';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import { seedReferences } from '../seed-references';
import { retirementDetails } from '../seed-retirements';
import { seedRegionMembers } from '../seed-region-members';

/** The loader's own columns of a point (its position) and of a line or an area (GeoJSON text and its box). */
const POSITION = { names: ['lon', 'lat'], values: (p: { lon: number; lat: number }) => [p.lon, p.lat] };
const SHAPE = {
  names: ['geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'],
  values: ({ geometry }: { geometry: LineString | MultiPolygon }) => [
    JSON.stringify(geometry),
    ...bboxOfCoordinates(geometry.coordinates),
  ],
};

/**
 * Bulk-loads seed data into an empty database in one transaction, through the driver: prepared statements
 * load the ~100k rows of the demo (and the millions of a benchmark) far faster than an ORM could.
 * Ids are assigned in seed order (1..n), so references by externalId resolve without reading back.
 */
export function loadSeedSqlite(db: Database.Database, seed: SeedData): void {
  const { ref, lastChange } = seedReferences(seed);

  /**
   * The hourly readings (millions on the demo), in the primary key's order, and their days folded once. The
   * index by hour is built after them: filled row by row in hour order across meters, it cost more than the
   * rows (docs/detection.md, "Seed load time").
   */
  function loadReadings() {
    if (!seed.readings?.length) return;
    db.exec('DROP INDEX readings_hour_idx');
    const reading = db.prepare(`INSERT INTO readings (substation_id, hour, mw) VALUES (?,?,?)`);
    for (const series of seed.readings) {
      const id = ref('substation', series.substationExternalId);
      for (let i = 0; i < series.mw.length; i++) reading.run(id, series.fromHour + i, series.mw[i]);
    }
    db.exec('CREATE INDEX readings_hour_idx ON readings (hour)');
    db.exec(`${FOLD_READING_DAYS} ${FOLD_GROUP_BY}`);
  }

  /**
   * Inserts rows: the id (seed order, or left to the table), the table's seeded columns (booleans as 0/1), and
   * the loader's own columns (position, geometry).
   */
  function load<R extends object>(
    rows: R[],
    table: string,
    columns: ColumnTable,
    withId: boolean,
    own: { names: string[]; values(row: R): unknown[] },
  ) {
    const seeded = seedColumns<R>(columns, ref);
    const names = [...(withId ? ['id'] : []), ...seeded.map((c) => c.sql), ...own.names];
    const insert = db.prepare(`INSERT INTO ${table} (${names.join(', ')})
      VALUES (${names.map(() => '?').join(', ')})`);
    rows.forEach((row, i) => {
      const values = seeded.map((c) => (c.read === 'bool' ? (c.value(row) ? 1 : 0) : c.value(row)));
      insert.run(...(withId ? [i + 1] : []), ...values, ...own.values(row));
    });
  }

  db.transaction(() => {
    load(seed.regions, 'regions', REGION_COLUMNS, true, SHAPE);
    const utility = db.prepare(
      `INSERT INTO utilities (id, external_id, name, name_zh, region_id) VALUES (?,?,?,?,?)`,
    );
    seed.utilities.forEach((u, i) => {
      utility.run(i + 1, u.externalId, u.name, u.nameZh, ref('region', u.regionExternalId));
    });
    load(seed.substations, 'substations', SUBSTATION_COLUMNS, true, POSITION);
    load(seed.lines, 'lines', LINE_COLUMNS, true, SHAPE);
    load(seed.pylons, 'pylons', PYLON_COLUMNS, false, POSITION);
    load(seed.sites, 'sites', SITE_COLUMNS, true, {
      names: ['status_changed_at', 'lon', 'lat', 'footprint'],
      values: (s) => [
        lastChange.get(s.externalId) ?? null,
        s.lon,
        s.lat,
        s.footprint ? JSON.stringify(s.footprint) : null,
      ],
    });
    const change =
      db.prepare(`INSERT INTO status_changes (site_id, from_status, to_status, note, username, at)
      VALUES (?,?,?,?,?,?)`);
    for (const c of seed.statusChanges) {
      change.run(ref('site', c.siteExternalId), c.fromStatus, c.toStatus, c.note, c.username, c.at);
    }
    const retire = db.prepare(
      `UPDATE sites SET retired_at = ?, retired_by = ?, version = version + 1 WHERE id = ?`,
    );
    const audit = db.prepare(`INSERT INTO audit_records (entity, entity_id, action, username, at, details)
      VALUES ('site', ?, 'retire', ?, ?, ?)`);
    for (const r of seed.retirements ?? []) {
      const id = ref('site', r.siteExternalId);
      retire.run(r.at, r.username, id);
      audit.run(id, r.username, r.at, retirementDetails(r));
    }
    loadReadings();
    const member = db.prepare(`INSERT INTO region_members (region_id, layer, feature_id) VALUES (?,?,?)`);
    for (const { layer, members } of seedRegionMembers(seed)) {
      for (const m of members) member.run(m.regionId, layer, m.featureId);
    }
  })();
}
