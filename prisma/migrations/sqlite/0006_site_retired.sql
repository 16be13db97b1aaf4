-- A site an admin retired (DELETE /api/sites/:id): a wrong site kept as evidence, never served. Every read leaves
-- out the rows with a retired_at (server/src/store/sql/live-sites.ts); the reason is in the audit row of the
-- retirement, written in the same transaction. Restoring clears both columns. Sites stored before the import
-- bounds (packages/contract/src/columns) are not touched: their values are served as stored, and every sum counts
-- each at most 10^9 MW (docs/security.md).
ALTER TABLE sites ADD COLUMN retired_at TEXT;
ALTER TABLE sites ADD COLUMN retired_by TEXT;
-- The admin's list of retired sites; the reads' `retired_at IS NULL` needs no index (retired sites are few).
CREATE INDEX sites_retired_at_idx ON sites (retired_at) WHERE retired_at IS NOT NULL;
