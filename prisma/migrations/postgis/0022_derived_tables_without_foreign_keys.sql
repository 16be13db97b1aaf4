-- What an import of new sites pays per row beyond the insert itself (issue 16, target 6; docs/performance.md,
-- "Fix 13"). At 100,000 new sites, EXPLAIN ANALYZE of the import's statements showed:
--
-- 1. The foreign keys of the derived tables, checked row by row: 0.8 s + 1.1 s for the 139,487 pairs, 1.0 s for the
--    200,000 region memberships. These rows are computed by the store from a join over the sites, substations and
--    regions, in the transaction that writes those rows (sql/site-substation-pairs-sql.ts, sql/region-members-sql.ts,
--    sql/import-new-sites-sql.ts), and sites, substations and regions are never deleted (a site is retired), so the
--    check can never fail; what guards them is the code that computes them and the tests that compare them with a
--    fill from scratch (docs/storage.md, "Derived tables"). SQLite keeps its keys: there a check is an in-process
--    b-tree probe, and dropping one means rebuilding the table.
ALTER TABLE site_substation_pairs
  DROP CONSTRAINT site_substation_pairs_site_id_fkey,
  DROP CONSTRAINT site_substation_pairs_substation_id_fkey;
ALTER TABLE region_members DROP CONSTRAINT region_members_region_id_fkey;

-- 2. Two indexes whose key a covering index of migration 0019 starts with, so they serve no lookup the covering one
--    does not, and every insert wrote both: sites (status) beside sites (status) INCLUDE (…), and
--    status_changes (site_id, at) beside status_changes (site_id, at DESC, id DESC) INCLUDE (to_status), which a
--    scan reads in either direction.
DROP INDEX sites_status_idx;
DROP INDEX status_changes_site_id_at_idx;
