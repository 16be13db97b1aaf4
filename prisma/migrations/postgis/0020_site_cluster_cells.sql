-- Pre-aggregated cluster cells of the sites layer (issue 16, target 2; docs/performance.md, "Fix 8"): one row per
-- zoom 0–8, 64-pixel cell of that zoom's world grid (cx, cy) and status, with the number of live sites in it,
-- the sums of their positions in whole pixels of zoom 23's world and the sum of their loads in whole kW. Integer
-- sums are exact and associative, so a tile's clusters read from these rows equal the clusters of the sites
-- themselves (server/src/store/sql/cluster-sql.ts). Derived: the store fills it once (derived_state
-- 'site_cluster_cells') and every write of a site takes its old row out and puts its new row in, in the write's
-- transaction (server/src/store/sql/cluster-cells-sql.ts). Only unscoped tile requests read it, so it needs no
-- row-level security; a utility's user writes it through the upkeep of its own sites' status changes.
CREATE TABLE site_cluster_cells (
  zoom       INTEGER NOT NULL,
  cx         INTEGER NOT NULL,
  cy         INTEGER NOT NULL,
  status     TEXT    NOT NULL,
  site_count INTEGER NOT NULL,
  sum_x      BIGINT  NOT NULL,
  sum_y      BIGINT  NOT NULL,
  load_kw    BIGINT  NOT NULL,
  -- A tile reads a range of cx and of cy at one zoom.
  PRIMARY KEY (zoom, cx, cy, status)
) WITH (fillfactor = 80); -- room on each page for updated rows (the upkeep updates, never moves, a cell)
GRANT SELECT, INSERT, UPDATE, DELETE ON site_cluster_cells TO gridwatch_utility;
