-- The sites are kept in the order of their spatial index (issue 16; docs/performance.md,
-- "Fix 15"; docs/storage.md, "Rows in the order of place"): a tile or a box then reads a few dozen heap pages
-- instead of one page per row, since ids follow the order of entry, not of place. This marks the index a plain
-- `CLUSTER` orders by; the store clusters once after loading a seed, and an operator again after large imports
-- (`npm run admin -- cluster`; CLUSTER locks the table while it rewrites it). Pylons come line by line, in the
-- order of place already. PostgreSQL only: SQLite keeps rows in rowid order.
ALTER TABLE sites CLUSTER ON sites_geom_idx;
