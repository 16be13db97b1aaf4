-- Every substation–site pair within 10 km (issue 16, target 5; docs/performance.md, "Fix 4"), with its haversine
-- distance as the store's SQL computes it (sql/haversine-sql.ts): hotspots and unexplained load at radii up to
-- 10 km read these pairs instead of joining every substation with every site on the spatial index and measuring
-- each pair anew. Derived: the store fills it once (derived_state 'site_substation_pairs') and every write that
-- moves or adds a site or a substation (the import, the seed) refiles the pairs of the rows it wrote, in its
-- transaction (server/src/store/sql/site-substation-pairs-sql.ts). Retired sites keep their pairs (a restore
-- brings them back); the reads drop them through the scoped sites.
CREATE TABLE site_substation_pairs (
  substation_id INTEGER NOT NULL REFERENCES substations (id),
  site_id       INTEGER NOT NULL REFERENCES sites (id),
  distance_km   REAL    NOT NULL,
  PRIMARY KEY (substation_id, site_id)
) WITHOUT ROWID;
-- A site's pairs, to refile them when it moves.
CREATE INDEX site_substation_pairs_site_id_idx ON site_substation_pairs (site_id);

-- Each site's history in the order of "the last change at or before the instant" (sql/as-of-sql.ts), with the
-- status it set: the window over it reads no table row. (No covering index of the sites' status columns here,
-- unlike PostGIS: SQLite's planner then drives the 500 km hotspots join from it, an R*Tree probe per site and
-- substation — seconds for 5,000 sites in server/test/hardening/overflowing-sums.test.ts.)
CREATE INDEX status_changes_site_history_idx ON status_changes (site_id, at DESC, id DESC, to_status);
