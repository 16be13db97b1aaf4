-- Each substation's hotspot answer "now" at r = 10 km (issue 16, target 5; docs/performance.md, "Fix 9"): the live
-- sites paired with it within 10 km (site_substation_pairs, migration 0019) that draw power illegally, counted and
-- their loads summed, once without and once with SUSPECTED (the route's includeSuspected), so hotspots now read one
-- row per substation instead of every pair. Derived: filled once (derived_state 'substation_hotspot_loads') and kept
-- exact in the transaction of every write that can change it — a site's status change, retirement and restore, and
-- an import of sites or substations (server/src/store/sql/hotspot-loads-sql.ts). A touched substation's row is
-- recomputed from the pairs with the read's own ordered, capped sum (sql/sum-sql.ts), never adjusted by a delta, so
-- it is the same double the join would give. No row: no live site within 10 km of it in any of those statuses.
CREATE TABLE substation_hotspot_loads (
  substation_id          INTEGER          NOT NULL PRIMARY KEY REFERENCES substations (id),
  unlicensed_count       INTEGER          NOT NULL,
  unlicensed_load_mw     DOUBLE PRECISION,
  with_suspected_count   INTEGER          NOT NULL,
  with_suspected_load_mw DOUBLE PRECISION
);

-- Every utility's sites in one row: a utility's user must not read it (its requests keep the scoped pairs join), so
-- the default privileges of migration 0010 are taken back, and row-level security without a policy for that role
-- hides every row should a grant come back. The upkeep of a utility user's status change runs as the owner
-- (hotspot-loads-sql.ts, asOwner).
REVOKE ALL ON substation_hotspot_loads FROM gridwatch_utility;
ALTER TABLE substation_hotspot_loads ENABLE ROW LEVEL SECURITY;
