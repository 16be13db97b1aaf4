-- gridwatch, PostgreSQL + PostGIS store: the tables of prisma/schema.prisma (the same columns as the SQLite
-- migration) plus PostGIS columns that the database generates from lon/lat or from the GeoJSON text, so they
-- can never drift from the data. Distances use geography (sphere), containment uses geometry (straight lon/lat
-- edges), as DOMAIN.md defines them.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE regions (
  id          SERIAL PRIMARY KEY,
  external_id TEXT             NOT NULL UNIQUE,
  code        TEXT             NOT NULL,
  name        TEXT             NOT NULL,
  name_zh     TEXT             NOT NULL,
  level       TEXT             NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  geometry    TEXT             NOT NULL,
  min_lon     DOUBLE PRECISION NOT NULL,
  min_lat     DOUBLE PRECISION NOT NULL,
  max_lon     DOUBLE PRECISION NOT NULL,
  max_lat     DOUBLE PRECISION NOT NULL,
  synthetic   BOOLEAN          NOT NULL DEFAULT false,
  geom        geometry(MultiPolygon, 4326) GENERATED ALWAYS AS
                (ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))) STORED
);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);

CREATE TABLE utilities (
  id          SERIAL PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  region_id   INTEGER REFERENCES regions (id)
);

CREATE TABLE substations (
  id              SERIAL PRIMARY KEY,
  external_id     TEXT             NOT NULL UNIQUE,
  name            TEXT             NOT NULL,
  name_zh         TEXT             NOT NULL,
  voltage_kv      DOUBLE PRECISION NOT NULL CHECK (voltage_kv > 0),
  capacity_mva    DOUBLE PRECISION NOT NULL CHECK (capacity_mva >= 0),
  utility_id      INTEGER REFERENCES utilities (id),
  base_load_mw    DOUBLE PRECISION,
  metered_peak_mw DOUBLE PRECISION,
  lon             DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat             DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  synthetic       BOOLEAN          NOT NULL DEFAULT false,
  geom            geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
  geog            geography(Point, 4326) GENERATED ALWAYS AS
                    (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED
);
CREATE INDEX substations_geom_idx ON substations USING gist (geom);
CREATE INDEX substations_geog_idx ON substations USING gist (geog);

CREATE TABLE lines (
  id                 SERIAL PRIMARY KEY,
  external_id        TEXT             NOT NULL UNIQUE,
  name               TEXT             NOT NULL,
  name_zh            TEXT             NOT NULL,
  voltage_kv         DOUBLE PRECISION NOT NULL CHECK (voltage_kv > 0),
  from_substation_id INTEGER REFERENCES substations (id),
  to_substation_id   INTEGER REFERENCES substations (id),
  geometry           TEXT             NOT NULL,
  min_lon            DOUBLE PRECISION NOT NULL,
  min_lat            DOUBLE PRECISION NOT NULL,
  max_lon            DOUBLE PRECISION NOT NULL,
  max_lat            DOUBLE PRECISION NOT NULL,
  synthetic          BOOLEAN          NOT NULL DEFAULT false,
  geom               geometry(Geometry, 4326) GENERATED ALWAYS AS
                       (ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)) STORED,
  geog               geography(Geometry, 4326) GENERATED ALWAYS AS
                       (ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)::geography) STORED
);
CREATE INDEX lines_geom_idx ON lines USING gist (geom);
CREATE INDEX lines_geog_idx ON lines USING gist (geog);

CREATE TABLE pylons (
  id          SERIAL PRIMARY KEY,
  external_id TEXT             NOT NULL UNIQUE,
  line_id     INTEGER          NOT NULL REFERENCES lines (id),
  seq         INTEGER          NOT NULL,
  lon         DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat         DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  synthetic   BOOLEAN          NOT NULL DEFAULT false,
  geom        geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED
);
CREATE INDEX pylons_line_id_seq_idx ON pylons (line_id, seq);
CREATE INDEX pylons_geom_idx ON pylons USING gist (geom);

CREATE TABLE sites (
  id                   SERIAL PRIMARY KEY,
  external_id          TEXT             NOT NULL UNIQUE,
  name                 TEXT             NOT NULL,
  name_zh              TEXT             NOT NULL,
  operator             TEXT             NOT NULL,
  machines             INTEGER          NOT NULL CHECK (machines >= 0),
  load_mw              DOUBLE PRECISION NOT NULL CHECK (load_mw >= 0),
  status               TEXT             NOT NULL CHECK (status IN ('LICENSED', 'NO_CONTRACT', 'UNLICENSED',
                                          'SUSPECTED', 'SHUTDOWN_ORDERED', 'SHUT_DOWN', 'NOT_FOUND')),
  feeder_substation_id INTEGER REFERENCES substations (id),
  first_observed       TEXT             NOT NULL,
  status_changed_at    TEXT,
  lon                  DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat                  DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  footprint            TEXT,
  version              INTEGER          NOT NULL DEFAULT 1,
  synthetic            BOOLEAN          NOT NULL DEFAULT false,
  geom                 geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
  geog                 geography(Point, 4326) GENERATED ALWAYS AS
                         (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED
);
CREATE INDEX sites_status_idx ON sites (status);
CREATE INDEX sites_geom_idx ON sites USING gist (geom);
CREATE INDEX sites_geog_idx ON sites USING gist (geog);

CREATE TABLE zones (
  id         SERIAL PRIMARY KEY,
  name       TEXT             NOT NULL,
  team       TEXT,
  state      TEXT             NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'active', 'closed')),
  due_date   TEXT,
  notes      TEXT,
  geometry   TEXT             NOT NULL,
  min_lon    DOUBLE PRECISION NOT NULL,
  min_lat    DOUBLE PRECISION NOT NULL,
  max_lon    DOUBLE PRECISION NOT NULL,
  max_lat    DOUBLE PRECISION NOT NULL,
  created_by TEXT             NOT NULL,
  created_at TEXT             NOT NULL,
  updated_at TEXT             NOT NULL,
  version    INTEGER          NOT NULL DEFAULT 1,
  geom       geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326)) STORED
);
CREATE INDEX zones_geom_idx ON zones USING gist (geom);

-- The audit trail of site statuses: append-only, enforced by the database itself.
CREATE TABLE status_changes (
  id          SERIAL PRIMARY KEY,
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
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER status_changes_append_only BEFORE UPDATE OR DELETE ON status_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
