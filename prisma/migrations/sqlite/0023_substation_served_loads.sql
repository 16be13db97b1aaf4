-- Each substation's explained load "today" at r = 10 km (issue 16, target 5; docs/performance.md, "Fix 14"):
-- the licensed and the known illegal load of the live sites whose meter it is (their feeder, else the nearest
-- metered substation within 10 km, from site_substation_pairs), under the sites' current statuses, so unexplained
-- load for today reads one row per substation instead of every site's history. Derived: filled once
-- (derived_state 'substation_served_loads') and kept exact in the transaction of every write that can change it —
-- a site's status change, retirement and restore, an import of sites or substations, and readings that make a
-- substation metered (server/src/store/sql/served-loads-sql.ts). A touched substation's row is recomputed with the
-- read's own ordered, capped sums (sql/sum-sql.ts), never moved by a delta. No row: it serves no such site.
CREATE TABLE substation_served_loads (
  substation_id         INTEGER NOT NULL PRIMARY KEY,
  licensed_load_mw      REAL,
  known_illegal_load_mw REAL
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
