/**
 * A layer export as an OGC GeoPackage 1.3 (docs/gis-clients.md): an SQLite file made with better-sqlite3 — the
 * required gpkg_* tables, one feature table named after the layer (geometry in `geom`, WGS 84), an R-tree spatial
 * index (the gpkg_rtree_index extension) and the export's `meta` as dataset metadata (gpkg_metadata).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { envelopeOf, toWkb } from '../domain/geo/wkb';
import { termWatts, wattsToMw } from '../domain/sum-term';
import { exportMeta, features, type ExportRequest, type ExportSource } from './export-layer';

/** 'GPKG' as the SQLite application id, and the version 1.3.0 as user_version (GeoPackage 1.3, clause 1.1.1). */
const APPLICATION_ID = 0x47504b47;
const USER_VERSION = 10300;
const WGS84 = 4326;

const CORE_TABLES = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
  md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
  timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL,
  md_parent_id INTEGER, CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id));
`;

/** The GeoPackage geometry blob: its header (magic, version 0, little endian, an XY envelope, the SRS) and WKB. */
function gpkgGeometry(geometry: Geometry): { blob: Buffer; box: [number, number, number, number] } {
  const box = envelopeOf(geometry);
  const header = Buffer.alloc(8 + 32);
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3); // envelope [minx, maxx, miny, maxy]; little endian
  header.writeInt32LE(WGS84, 4);
  [box[0], box[2], box[1], box[3]].forEach((v, i) => header.writeDoubleLE(v, 8 + i * 8));
  return { blob: Buffer.concat([header, toWkb(geometry)]), box };
}

const sqlType = (value: unknown) =>
  typeof value === 'number' ? 'REAL' : typeof value === 'boolean' ? 'BOOLEAN' : 'TEXT';
const sqlValue = (value: unknown) =>
  typeof value === 'boolean'
    ? value
      ? 1
      : 0
    : value === null || typeof value !== 'object'
      ? value
      : JSON.stringify(value);
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The GeoPackage of the export's features, as its bytes (written to a temporary file, read, removed). */
export async function geopackageExport(store: ExportSource, request: ExportRequest): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-gpkg-'));
  const file = path.join(dir, 'export.gpkg');
  const db = new Database(file);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${USER_VERSION}`);
    db.exec(CORE_TABLES);
    const table = request.layer;
    const rtree = `rtree_${table}_geom`;
    let insert: Database.Statement | null = null;
    let columns: string[] = [];
    let geometryType = 'GEOMETRY';
    const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    let count = 0;
    let loadW = 0; // whole watts (domain/sum-term.ts)
    db.exec(`CREATE VIRTUAL TABLE ${quote(rtree)} USING rtree(id, minx, maxx, miny, maxy)`);
    const addIndex = db.prepare(`INSERT INTO ${quote(rtree)} VALUES (?, ?, ?, ?, ?)`);
    db.exec('BEGIN');
    for await (const feature of features(store, request)) {
      const properties = feature.properties as Record<string, unknown>;
      if (!insert) {
        columns = Object.keys(properties);
        geometryType = feature.geometry.type.toUpperCase();
        const defs = columns.map((c) => `${quote(c)} ${sqlType(properties[c])}`);
        db.exec(
          `CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${geometryType}, ${defs.join(', ')})`,
        );
        insert = db.prepare(
          `INSERT INTO ${quote(table)} (fid, geom, ${columns.map(quote).join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
        );
      }
      const { blob, box } = gpkgGeometry(feature.geometry);
      insert.run(feature.id, blob, ...columns.map((c) => sqlValue(properties[c])));
      addIndex.run(feature.id, box[0], box[2], box[1], box[3]);
      extent[0] = Math.min(extent[0], box[0]);
      extent[1] = Math.min(extent[1], box[1]);
      extent[2] = Math.max(extent[2], box[2]);
      extent[3] = Math.max(extent[3], box[3]);
      count += 1;
      if (request.layer === 'sites') loadW += termWatts((properties as { loadMw: number }).loadMw);
    }
    // No feature: the table still exists, with just its id and geometry.
    if (!insert)
      db.exec(`CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY)`);
    const meta = exportMeta(request, count, wattsToMw(loadW));
    const box = count === 0 ? [null, null, null, null] : extent;
    db.prepare('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      table,
      'features',
      table,
      `gridwatch ${table}, exported ${meta.exportedAt}`,
      meta.exportedAt,
      ...box,
      WGS84,
    );
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(
      table,
      'geom',
      geometryType,
      WGS84,
    );
    db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)').run(
      table,
      'geom',
      'gpkg_rtree_index',
      'http://www.geopackage.org/spec120/#extension_rtree',
      'write-only',
    );
    db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)').run(
      'gpkg_metadata',
      null,
      'gpkg_metadata',
      'http://www.geopackage.org/spec120/#extension_metadata',
      'read-write',
    );
    db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)').run(
      'gpkg_metadata_reference',
      null,
      'gpkg_metadata',
      'http://www.geopackage.org/spec120/#extension_metadata',
      'read-write',
    );
    const md = db
      .prepare(
        "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset', ?, 'application/json', ?)",
      )
      .run('https://github.com/gridwatch/export-meta', JSON.stringify(meta));
    db.prepare(
      "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', ?, ?)",
    ).run(table, md.lastInsertRowid);
    db.exec('COMMIT');
    db.close();
    return readFileSync(file);
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
