-- Hotspots as of a past day (issue 16, target 5; docs/performance.md, "Fix 24"; docs/storage.md, "The hotspots of
-- a day"): per substation and Beijing day, by how much the count and the load (whole watts) of the live sites paired
-- with it within 10 km change at the end of that day in each status set of migration 0021 — a site's membership
-- changes on the days of its status records. The answer as of a day is the sum of the rows up to it, so a day's
-- hotspots read a few hundred rows per substation instead of every site's history. Derived: filled once
-- (derived_state 'substation_hotspot_days') and moved by every write of sites and recomputed for every import of
-- substations (server/src/store/sql/hotspot-days-sql.ts). No row: nothing changes there that day.
CREATE TABLE substation_hotspot_days (
  substation_id         INTEGER NOT NULL REFERENCES substations (id),
  day                   TEXT    NOT NULL,
  unlicensed_count      INTEGER NOT NULL,
  unlicensed_load_w     INTEGER NOT NULL,
  with_suspected_count  INTEGER NOT NULL,
  with_suspected_load_w INTEGER NOT NULL,
  PRIMARY KEY (substation_id, day)
);
