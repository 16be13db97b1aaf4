-- The utility accountable for each site (docs/progress.md, "Utility of a site"): its feeder's; else the utility
-- whose service region holds it; else the nearest substation's within 10 km; else none. Derived, stored so that
-- every read can filter and group by it (a utility's users see only its sites), and kept by the store in the
-- transaction of every write that can change it (server/src/store/sql/site-utility-sql.ts).
ALTER TABLE sites ADD COLUMN utility_id INTEGER REFERENCES utilities (id);
CREATE INDEX sites_utility_id_idx ON sites (utility_id);

-- Derived data the store fills once after a migration adds it (and keeps exact from then on): a row per kind.
CREATE TABLE derived_state (
  name      TEXT PRIMARY KEY,
  filled_at TEXT NOT NULL
);
