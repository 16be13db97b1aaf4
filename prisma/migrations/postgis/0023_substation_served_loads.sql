-- Each substation's explained load "today" at r = 10 km (issue 16, target 5; docs/performance.md, "Fix 14"):
-- the licensed and the known illegal load of the live sites whose meter it is (their feeder, else the nearest
-- metered substation within 10 km, from site_substation_pairs), under the sites' current statuses, so unexplained
-- load for today reads one row per substation instead of every site's history. Derived: filled once
-- (derived_state 'substation_served_loads') and kept exact in the transaction of every write that can change it —
-- a site's status change, retirement and restore, an import of sites or substations, and readings that make a
-- substation metered (server/src/store/sql/served-loads-sql.ts). A touched substation's row is recomputed with the
-- read's own ordered, capped sums (sql/sum-sql.ts), never moved by a delta. No row: it serves no such site.
-- No foreign key, as for the other derived tables (migration 0022): the store computes every row.
CREATE TABLE substation_served_loads (
  substation_id         INTEGER          NOT NULL PRIMARY KEY,
  licensed_load_mw      DOUBLE PRECISION,
  known_illegal_load_mw DOUBLE PRECISION
);

-- Whether the table may stand for the status records at the end of today: it sums sites.status, which equals the
-- status of each site's last record only if the data came in that way. Every write of the app keeps it so (a
-- status change writes the record and the status together, at the current instant), but a seed may not: a site
-- with no record, or a status its last record does not say, or a record dated later than the fill. One row,
-- written by the fill; while it says 0, unexplained load keeps reading the records.
CREATE TABLE served_loads_basis (
  id                      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  statuses_follow_history INTEGER NOT NULL
);

-- Every utility's sites in one row, as substation_hotspot_loads (migration 0021): no grant for a utility's user, and
-- row-level security without a policy for that role; the upkeep of their writes runs as the owner.
REVOKE ALL ON substation_served_loads FROM gridwatch_utility;
ALTER TABLE substation_served_loads ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON served_loads_basis FROM gridwatch_utility;
ALTER TABLE served_loads_basis ENABLE ROW LEVEL SECURITY;

-- A meter's row is recomputed from the sites it feeds, and from the feederless sites near it: without this index
-- the first read is a pass over every site in the summed statuses (705,000 index entries, 160 ms at 1M sites, for
-- a meter feeding 9,000) and the second a probe of the table per nearby site; with it, both read the index alone.
CREATE INDEX sites_feeder_cover_idx ON sites (feeder_substation_id, id) INCLUDE (status, load_mw, retired_at);
