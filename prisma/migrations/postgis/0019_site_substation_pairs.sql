-- Every substation–site pair within 10 km (issue 16, target 5; docs/performance.md, "Fix 4"), with its haversine
-- distance as the store's SQL computes it (sql/haversine-sql.ts): hotspots and unexplained load at radii up to
-- 10 km read these pairs instead of joining every substation with every site on the spatial index and measuring
-- each pair anew. Derived: the store fills it once (derived_state 'site_substation_pairs') and every write that
-- moves or adds a site or a substation (the import, the seed) refiles the pairs of the rows it wrote, in its
-- transaction (server/src/store/sql/site-substation-pairs-sql.ts). Retired sites keep their pairs (a restore
-- brings them back); the reads drop them through the scoped sites.
CREATE TABLE site_substation_pairs (
  substation_id INTEGER          NOT NULL REFERENCES substations (id),
  site_id       INTEGER          NOT NULL REFERENCES sites (id),
  distance_km   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (substation_id, site_id)
);
-- A site's pairs, to refile them when it moves.
CREATE INDEX site_substation_pairs_site_id_idx ON site_substation_pairs (site_id);

-- Scoped like the rows they pair: a utility's user sees the pairs of its own sites and substations only.
ALTER TABLE site_substation_pairs ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON site_substation_pairs TO gridwatch_utility
  USING (substation_id IN (SELECT id FROM substations) AND site_id IN (SELECT id FROM sites));
GRANT SELECT, INSERT, UPDATE, DELETE ON site_substation_pairs TO gridwatch_utility;

-- Covering indexes for the same reads (not in schema.prisma, which cannot say INCLUDE; it lists tables and
-- columns): hotspots and unexplained load read a few columns of most sites, and each site's history up to an
-- instant; index-only scans of these read a fraction of the pages of the wide tables (docs/performance.md).
CREATE INDEX sites_status_cover_idx ON sites (status) INCLUDE (id, load_mw, retired_at, utility_id, feeder_substation_id);
-- The order of "the last change at or before the instant" (sql/as-of-sql.ts), with the status it set.
CREATE INDEX status_changes_site_history_idx ON status_changes (site_id, at DESC, id DESC) INCLUDE (to_status);
