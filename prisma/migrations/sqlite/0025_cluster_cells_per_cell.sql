-- The cluster cells one row per cell (issue 16, target 2; docs/performance.md, "Fix 18"; docs/storage.md "Cluster
-- cells"): migration 0020 kept a row per cell and status, so every cluster tile summed about five rows per
-- cluster into its per-status columns (18 sums over ~19,000 rows for a dense z8 tile at 1M sites, most of its
-- time). Now a row holds one cluster as a tile sends it: the live sites' count, the sums of their positions in
-- whole pixels of zoom 23's world and of their loads in whole kW, and each status's count and kW. Integer sums,
-- so the clusters read from these rows still equal the sites' own (server/src/store/sql/cluster-sql.ts). The
-- old rows are dropped and the store fills the new table once from the sites (derived_state), as after 0020;
-- the writes keep it exact (server/src/store/sql/cluster-cells-sql.ts).
DROP TABLE site_cluster_cells;
DELETE FROM derived_state WHERE name = 'site_cluster_cells';
CREATE TABLE site_cluster_cells (
  zoom       INTEGER NOT NULL,
  cx         INTEGER NOT NULL,
  cy         INTEGER NOT NULL,
  site_count INTEGER NOT NULL,
  sum_x      INTEGER NOT NULL,
  sum_y      INTEGER NOT NULL,
  load_kw    INTEGER NOT NULL,
  site_count_licensed INTEGER NOT NULL,
  load_kw_licensed INTEGER NOT NULL,
  site_count_no_contract INTEGER NOT NULL,
  load_kw_no_contract INTEGER NOT NULL,
  site_count_unlicensed INTEGER NOT NULL,
  load_kw_unlicensed INTEGER NOT NULL,
  site_count_suspected INTEGER NOT NULL,
  load_kw_suspected INTEGER NOT NULL,
  site_count_shutdown_ordered INTEGER NOT NULL,
  load_kw_shutdown_ordered INTEGER NOT NULL,
  site_count_shut_down INTEGER NOT NULL,
  load_kw_shut_down INTEGER NOT NULL,
  site_count_not_found INTEGER NOT NULL,
  load_kw_not_found INTEGER NOT NULL,
  -- A tile reads a range of cx and of cy at one zoom.
  PRIMARY KEY (zoom, cx, cy)
) WITHOUT ROWID;
