-- Unexplained load as of a past day (issue 16; docs/performance.md, "Fix 26"; docs/storage.md, "The served loads of
-- a day"): per meter and Beijing day, by how much the licensed and the known illegal load (whole watts) of the live
-- sites it explains change at the end of that day — a site's meter does not depend on the day (its feeder, else the
-- nearest metered substation within 10 km), its membership of either status set changes on the days of its status
-- records. The answer as of a day is the sum of the rows up to it, so a day's unexplained load reads a few hundred
-- rows per meter instead of every site's history. Derived: filled once (derived_state 'substation_served_days'),
-- moved by every write of sites, recomputed around the substations an import writes and the meters a first reading
-- makes (server/src/store/sql/served-days-sql.ts). No row: nothing changes there that day.
CREATE TABLE substation_served_days (
  substation_id        INTEGER NOT NULL,
  day                  TEXT    NOT NULL,
  licensed_load_w      INTEGER NOT NULL,
  known_illegal_load_w INTEGER NOT NULL,
  PRIMARY KEY (substation_id, day)
);

