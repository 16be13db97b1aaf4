-- A site's accountable utility (migration 0008) is derived, as the pairs and memberships of migration 0022 are: the
-- store computes it in the transaction of every write that can change it (server/src/store/sql/site-utility-sql.ts)
-- and the tests compare it with a fill from scratch, and the app deletes no utility, so its foreign key can never
-- fail. Checked row by row it cost 55 ms of every 10,000 sites an import inserts at 1M sites (EXPLAIN ANALYZE,
-- docs/performance.md "Fix 25"), and as much again in every refile of utilities. SQLite keeps its keys (see 0022).
ALTER TABLE sites DROP CONSTRAINT sites_utility_id_fkey;
