-- The served loads of migration 0023 in whole watts, as the hotspot aggregate since migration 0026 (docs/storage.md,
-- "Exact totals"), with the count of the sites each row sums: a write now moves the row of a site's meter by the
-- site's term (out before the write, in after it; server/src/store/sql/served-loads-sql.ts) instead of recomputing
-- it over every site the meter serves, and a row whose sites have all gone out is deleted, as a fill would have
-- none. Filled once anew from the sites.
DROP TABLE substation_served_loads;
DELETE FROM derived_state WHERE name = 'substation_served_loads';
CREATE TABLE substation_served_loads (
  substation_id        INTEGER NOT NULL PRIMARY KEY,
  site_count           INTEGER NOT NULL,
  licensed_load_w      BIGINT  NOT NULL,
  known_illegal_load_w BIGINT  NOT NULL
);

-- As in migration 0023: a utility's user may not read a row that sums every utility's sites.
REVOKE ALL ON substation_served_loads FROM gridwatch_utility;
ALTER TABLE substation_served_loads ENABLE ROW LEVEL SECURITY;
