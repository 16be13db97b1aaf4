-- Totals of loads summed exactly, in whole watts (docs/storage.md, "Exact totals"): each load counts as its watts,
-- rounded half up, and whole numbers add the same in any order. Before, totals were ordered double sums, so a kept
-- total could only be recomputed over every site it sums, never moved by one site's term.
--
-- The hotspot aggregate of migration 0021 now keeps its loads in watts and is moved by the terms of the sites a
-- write touches: out before the write, in after it (server/src/store/sql/hotspot-loads-sql.ts). Its rows and the
-- served loads of migration 0023 (whose sums change in their last bits) are filled once anew from the sites.
DROP TABLE substation_hotspot_loads;
DELETE FROM derived_state WHERE name IN ('substation_hotspot_loads', 'substation_served_loads');
CREATE TABLE substation_hotspot_loads (
  substation_id         INTEGER  NOT NULL PRIMARY KEY REFERENCES substations (id),
  unlicensed_count      INTEGER  NOT NULL,
  unlicensed_load_w     BIGINT   NOT NULL,
  with_suspected_count  INTEGER  NOT NULL,
  with_suspected_load_w BIGINT   NOT NULL
);

-- As in migration 0021: a utility's user may not read a row that sums every utility's sites.
REVOKE ALL ON substation_hotspot_loads FROM gridwatch_utility;
ALTER TABLE substation_hotspot_loads ENABLE ROW LEVEL SECURITY;
