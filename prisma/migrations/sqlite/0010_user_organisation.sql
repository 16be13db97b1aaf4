-- Every user belongs to one organisation: the regulator (utility_id NULL: every user before this migration and
-- the first admin), or one utility, whose users see only that utility's sites (docs/utilities.md). SQLite keeps
-- the scope in the shared SQL (server/src/store/sql/scoped-sql.ts); PostGIS adds row-level security.
ALTER TABLE users ADD COLUMN utility_id INTEGER REFERENCES utilities (id);
-- Inspection zones belong to the organisation whose user drew them: the regulator's (NULL) or a utility's, whose
-- users see and edit only their own; the regulator's users see every zone.
ALTER TABLE zones ADD COLUMN utility_id INTEGER REFERENCES utilities (id);
