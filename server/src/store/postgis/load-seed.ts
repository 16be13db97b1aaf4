import type pg from 'pg';
import type { LineString, MultiPolygon } from 'geojson';
import {
  LINE_COLUMNS,
  PYLON_COLUMNS,
  REGION_COLUMNS,
  SITE_COLUMNS,
  SUBSTATION_COLUMNS,
  type ColumnSpec,
  type SeedData,
  type SeedLine,
  type SeedPylon,
  type SeedRegion,
  type SeedSite,
  type SeedSubstation,
} from '@gridwatch/contract';
import { seedColumns, type SeedColumn } from '../columns/seed-columns';
import { FOLD_GROUP_BY, FOLD_READING_DAYS } from '../sql/readings-sql';
import { bboxOfCoordinates } from '../../domain/geo/bbox';
import { seedReferences } from '../seed-references';
import { retirementDetails } from '../seed-retirements';
import { seedRegionMembers } from '../seed-region-members';

const CHUNK = 10_000;

const ARRAY_TYPE: Record<ColumnSpec['read'], string> = {
  text: 'text[]',
  int: 'int[]',
  real: 'float8[]',
  bool: 'bool[]',
};

/** The seeded columns of a table as `insert` takes them: each with its array type and value getter. */
function arraysOf<T>(columns: SeedColumn<T>[]): Record<string, [string, (row: T) => unknown]> {
  return Object.fromEntries(columns.map((c) => [c.sql, [ARRAY_TYPE[c.read], (row: T) => c.value(row)]]));
}

type Getter<T> = [string, (row: T) => unknown];

/** The loader's own columns of a point (its position) and of a line or an area (GeoJSON text and its box). */
const POSITION: Record<string, Getter<{ lon: number; lat: number }>> = {
  lon: ['float8[]', (p) => p.lon],
  lat: ['float8[]', (p) => p.lat],
};
const box =
  (k: number) =>
  ({ geometry }: { geometry: LineString | MultiPolygon }) =>
    bboxOfCoordinates(geometry.coordinates)[k];
const SHAPE: Record<string, Getter<{ geometry: LineString | MultiPolygon }>> = {
  geometry: ['text[]', (r) => JSON.stringify(r.geometry)],
  min_lon: ['float8[]', box(0)],
  min_lat: ['float8[]', box(1)],
  max_lon: ['float8[]', box(2)],
  max_lat: ['float8[]', box(3)],
};

/**
 * Bulk-loads seed data into an empty database in one transaction: one INSERT … SELECT FROM unnest(arrays)
 * per 10,000 rows, which loads a million sites in seconds. Ids are assigned in seed order (1..n) as in SQLite,
 * then the sequences are moved past them.
 */
export async function loadSeedPostgis(client: pg.ClientBase, seed: SeedData): Promise<void> {
  const { ref, lastChange } = seedReferences(seed);

  /** Inserts rows column-wise: `columns` maps each column name to its SQL array type and value getter. */
  async function insert<T>(
    table: string,
    rows: T[],
    columns: Record<string, [string, (row: T, i: number) => unknown]>,
  ) {
    const names = Object.keys(columns);
    const selects = names.map((_, k) => `$${k + 1}::${columns[names[k]!]![0]}`).join(', ');
    const text = `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${selects})`;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const values = names.map((name) => chunk.map((row, i) => columns[name]![1](row, start + i)));
      await client.query(text, values);
    }
  }

  await client.query('BEGIN');
  try {
    await insert('regions', seed.regions, {
      id: ['int[]', (_, i) => i + 1],
      ...arraysOf(seedColumns<SeedRegion>(REGION_COLUMNS, ref)),
      ...SHAPE,
    });
    await insert('utilities', seed.utilities, {
      id: ['int[]', (_, i) => i + 1],
      external_id: ['text[]', (u) => u.externalId],
      name: ['text[]', (u) => u.name],
      name_zh: ['text[]', (u) => u.nameZh],
      region_id: ['int[]', (u) => ref('region', u.regionExternalId)],
    });
    await insert('substations', seed.substations, {
      id: ['int[]', (_, i) => i + 1],
      ...arraysOf(seedColumns<SeedSubstation>(SUBSTATION_COLUMNS, ref)),
      ...POSITION,
    });
    await insert('lines', seed.lines, {
      id: ['int[]', (_, i) => i + 1],
      ...arraysOf(seedColumns<SeedLine>(LINE_COLUMNS, ref)),
      ...SHAPE,
    });
    await insert('pylons', seed.pylons, {
      id: ['int[]', (_, i) => i + 1],
      ...arraysOf(seedColumns<SeedPylon>(PYLON_COLUMNS, ref)),
      ...POSITION,
    });
    await insert('sites', seed.sites, {
      id: ['int[]', (_, i) => i + 1],
      ...arraysOf(seedColumns<SeedSite>(SITE_COLUMNS, ref)),
      status_changed_at: ['text[]', (s) => lastChange.get(s.externalId) ?? null],
      ...POSITION,
      footprint: ['text[]', (s) => (s.footprint ? JSON.stringify(s.footprint) : null)],
    });
    await insert('status_changes', seed.statusChanges, {
      site_id: ['int[]', (c) => ref('site', c.siteExternalId)],
      from_status: ['text[]', (c) => c.fromStatus],
      to_status: ['text[]', (c) => c.toStatus],
      note: ['text[]', (c) => c.note],
      username: ['text[]', (c) => c.username],
      at: ['text[]', (c) => c.at],
    });
    for (const r of seed.retirements ?? []) {
      const id = ref('site', r.siteExternalId);
      await client.query(
        'UPDATE sites SET retired_at = $1, retired_by = $2, version = version + 1 WHERE id = $3',
        [r.at, r.username, id],
      );
      await client.query(
        `INSERT INTO audit_records (entity, entity_id, action, username, at, details)
         VALUES ('site', $1, 'retire', $2, $3, $4)`,
        [id, r.username, r.at, retirementDetails(r)],
      );
    }
    await loadReadings(client, seed);
    for (const { layer, members } of seedRegionMembers(seed)) {
      await insert('region_members', members, {
        region_id: ['int[]', (m) => m.regionId],
        layer: ['text[]', () => layer],
        feature_id: ['int[]', (m) => m.featureId],
      });
    }
    for (const table of ['regions', 'utilities', 'substations', 'lines', 'pylons', 'sites']) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
      );
    }
    // The seed is a write of every layer: the ETags derived from the data versions move on (docs/scaling.md).
    await client.query('SELECT advance_data_versions()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
}

const READINGS_CHUNK = 250_000;

/**
 * The seed's hourly readings, 250,000 rows a statement across meters as three array literals (text, parsed by
 * PostgreSQL): the demo's year of meters is millions of rows, and building a JS array per value would cost more
 * than the insert. The index by hour is built after them (docs/detection.md, "Seed load time"), and their days
 * folded once (migration 0018).
 */
async function loadReadings(client: pg.ClientBase, seed: SeedData): Promise<void> {
  if (!seed.readings?.length) return;
  const { ref } = seedReferences(seed);
  const text =
    'INSERT INTO readings (substation_id, hour, mw) SELECT * FROM unnest($1::int[], $2::int[], $3::float8[])';
  await client.query('DROP INDEX readings_hour_idx');
  let ids: number[] = [];
  let hours: number[] = [];
  let mws: number[] = [];
  const flush = async () => {
    if (ids.length === 0) return;
    await client.query(text, [`{${ids.join(',')}}`, `{${hours.join(',')}}`, `{${mws.join(',')}}`]);
    ids = [];
    hours = [];
    mws = [];
  };
  for (const series of seed.readings) {
    const id = ref('substation', series.substationExternalId) as number;
    for (let i = 0; i < series.mw.length; i++) {
      ids.push(id);
      hours.push(series.fromHour + i);
      mws.push(series.mw[i]!);
      if (ids.length === READINGS_CHUNK) await flush();
    }
  }
  await flush();
  await client.query('CREATE INDEX readings_hour_idx ON readings (hour)');
  await client.query(`${FOLD_READING_DAYS} ${FOLD_GROUP_BY}`);
}
