-- gridwatch, embedded store: the tables of prisma/schema.prisma, R*Tree prefilters and their sync triggers.
-- Coordinates are WGS 84 lon/lat. Geometry other than points is GeoJSON text with its bounding box in columns.

CREATE TABLE regions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id TEXT    NOT NULL UNIQUE,
  code        TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  name_zh     TEXT    NOT NULL,
  level       TEXT    NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  geometry    TEXT    NOT NULL,
  min_lon     REAL    NOT NULL,
  min_lat     REAL    NOT NULL,
  max_lon     REAL    NOT NULL,
  max_lat     REAL    NOT NULL,
  synthetic   BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE utilities (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  name_zh     TEXT    NOT NULL,
  region_id   INTEGER REFERENCES regions (id)
);

CREATE TABLE substations (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id     TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL,
  name_zh         TEXT    NOT NULL,
  voltage_kv      REAL    NOT NULL CHECK (voltage_kv > 0),
  capacity_mva    REAL    NOT NULL CHECK (capacity_mva >= 0),
  utility_id      INTEGER REFERENCES utilities (id),
  base_load_mw    REAL,
  metered_peak_mw REAL,
  lon             REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat             REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  synthetic       BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE lines (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id        TEXT    NOT NULL UNIQUE,
  name               TEXT    NOT NULL,
  name_zh            TEXT    NOT NULL,
  voltage_kv         REAL    NOT NULL CHECK (voltage_kv > 0),
  from_substation_id INTEGER REFERENCES substations (id),
  to_substation_id   INTEGER REFERENCES substations (id),
  geometry           TEXT    NOT NULL,
  min_lon            REAL    NOT NULL,
  min_lat            REAL    NOT NULL,
  max_lon            REAL    NOT NULL,
  max_lat            REAL    NOT NULL,
  synthetic          BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE pylons (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id TEXT    NOT NULL UNIQUE,
  line_id     INTEGER NOT NULL REFERENCES lines (id),
  seq         INTEGER NOT NULL,
  lon         REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat         REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  synthetic   BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX pylons_line_id_seq_idx ON pylons (line_id, seq);

CREATE TABLE sites (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  external_id          TEXT    NOT NULL UNIQUE,
  name                 TEXT    NOT NULL,
  name_zh              TEXT    NOT NULL,
  operator             TEXT    NOT NULL,
  machines             INTEGER NOT NULL CHECK (machines >= 0),
  load_mw              REAL    NOT NULL CHECK (load_mw >= 0),
  status               TEXT    NOT NULL CHECK (status IN ('LICENSED', 'NO_CONTRACT', 'UNLICENSED', 'SUSPECTED',
                                                          'SHUTDOWN_ORDERED', 'SHUT_DOWN', 'NOT_FOUND')),
  feeder_substation_id INTEGER REFERENCES substations (id),
  first_observed       TEXT    NOT NULL,
  status_changed_at    TEXT,
  lon                  REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat                  REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  footprint            TEXT,
  version              INTEGER NOT NULL DEFAULT 1,
  synthetic            BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX sites_status_idx ON sites (status);

CREATE TABLE zones (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT    NOT NULL,
  team       TEXT,
  state      TEXT    NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'active', 'closed')),
  due_date   TEXT,
  notes      TEXT,
  geometry   TEXT    NOT NULL,
  min_lon    REAL    NOT NULL,
  min_lat    REAL    NOT NULL,
  max_lon    REAL    NOT NULL,
  max_lat    REAL    NOT NULL,
  created_by TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1
);

-- The audit trail of site statuses: append-only, enforced by the database itself.
CREATE TABLE status_changes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     INTEGER NOT NULL REFERENCES sites (id),
  from_status TEXT,
  to_status   TEXT    NOT NULL,
  note        TEXT    NOT NULL,
  username    TEXT    NOT NULL,
  at          TEXT    NOT NULL,
  zone_id     INTEGER REFERENCES zones (id)
);
CREATE INDEX status_changes_site_id_at_idx ON status_changes (site_id, at);
CREATE INDEX status_changes_at_idx ON status_changes (at);
CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes
BEGIN SELECT RAISE(ABORT, 'status_changes is append-only'); END;
CREATE TRIGGER status_changes_no_delete BEFORE DELETE ON status_changes
BEGIN SELECT RAISE(ABORT, 'status_changes is append-only'); END;

-- Bounding-box prefilters. R*Tree stores 32-bit floats rounded outwards, so it may return a few extra rows
-- (never miss one); exact tests follow in SQL or TypeScript.
CREATE VIRTUAL TABLE regions_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE substations_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE lines_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE pylons_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE sites_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE zones_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER regions_rtree_insert AFTER INSERT ON regions BEGIN
  INSERT INTO regions_rtree VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat); END;
CREATE TRIGGER regions_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON regions BEGIN
  UPDATE regions_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat, max_lat = new.max_lat
  WHERE id = new.id; END;
CREATE TRIGGER regions_rtree_delete AFTER DELETE ON regions BEGIN DELETE FROM regions_rtree WHERE id = old.id; END;

CREATE TRIGGER lines_rtree_insert AFTER INSERT ON lines BEGIN
  INSERT INTO lines_rtree VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat); END;
CREATE TRIGGER lines_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON lines BEGIN
  UPDATE lines_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat, max_lat = new.max_lat
  WHERE id = new.id; END;
CREATE TRIGGER lines_rtree_delete AFTER DELETE ON lines BEGIN DELETE FROM lines_rtree WHERE id = old.id; END;

CREATE TRIGGER zones_rtree_insert AFTER INSERT ON zones BEGIN
  INSERT INTO zones_rtree VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat); END;
CREATE TRIGGER zones_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON zones BEGIN
  UPDATE zones_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat, max_lat = new.max_lat
  WHERE id = new.id; END;
CREATE TRIGGER zones_rtree_delete AFTER DELETE ON zones BEGIN DELETE FROM zones_rtree WHERE id = old.id; END;

CREATE TRIGGER substations_rtree_insert AFTER INSERT ON substations BEGIN
  INSERT INTO substations_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END;
CREATE TRIGGER substations_rtree_update AFTER UPDATE OF lon, lat ON substations BEGIN
  UPDATE substations_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
  WHERE id = new.id; END;
CREATE TRIGGER substations_rtree_delete AFTER DELETE ON substations BEGIN
  DELETE FROM substations_rtree WHERE id = old.id; END;

CREATE TRIGGER pylons_rtree_insert AFTER INSERT ON pylons BEGIN
  INSERT INTO pylons_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END;
CREATE TRIGGER pylons_rtree_update AFTER UPDATE OF lon, lat ON pylons BEGIN
  UPDATE pylons_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
  WHERE id = new.id; END;
CREATE TRIGGER pylons_rtree_delete AFTER DELETE ON pylons BEGIN DELETE FROM pylons_rtree WHERE id = old.id; END;

CREATE TRIGGER sites_rtree_insert AFTER INSERT ON sites BEGIN
  INSERT INTO sites_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END;
CREATE TRIGGER sites_rtree_update AFTER UPDATE OF lon, lat ON sites BEGIN
  UPDATE sites_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
  WHERE id = new.id; END;
CREATE TRIGGER sites_rtree_delete AFTER DELETE ON sites BEGIN DELETE FROM sites_rtree WHERE id = old.id; END;
