-- Each substation's hotspot answer "now" at r = 10 km (issue 16, target 5; docs/performance.md, "Fix 9"): the live
-- sites paired with it within 10 km (site_substation_pairs, migration 0019) that draw power illegally, counted and
-- their loads summed, once without and once with SUSPECTED (the route's includeSuspected), so hotspots now read one
-- row per substation instead of every pair. Derived: filled once (derived_state 'substation_hotspot_loads') and kept
-- exact in the transaction of every write that can change it — a site's status change, retirement and restore, and
-- an import of sites or substations (server/src/store/sql/hotspot-loads-sql.ts). A touched substation's row is
-- recomputed from the pairs with the read's own ordered, capped sum (sql/sum-sql.ts), never adjusted by a delta, so
-- it is the same double the join would give. No row: no live site within 10 km of it in any of those statuses.
CREATE TABLE substation_hotspot_loads (
  substation_id          INTEGER NOT NULL PRIMARY KEY REFERENCES substations (id),
  unlicensed_count       INTEGER NOT NULL,
  unlicensed_load_mw     REAL,
  with_suspected_count   INTEGER NOT NULL,
  with_suspected_load_mw REAL
);
