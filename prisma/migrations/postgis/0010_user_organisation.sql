-- Every user belongs to one organisation: the regulator (utility_id NULL: every user before this migration and
-- the first admin), or one utility, whose users see only that utility's sites (docs/utilities.md).
ALTER TABLE users ADD COLUMN utility_id INTEGER REFERENCES utilities (id);
-- Inspection zones belong to the organisation whose user drew them: the regulator's (NULL) or a utility's, whose
-- users see and edit only their own; the regulator's users see every zone.
ALTER TABLE zones ADD COLUMN utility_id INTEGER REFERENCES utilities (id);

-- Row-level security: a utility user's request runs each transaction as the role gridwatch_utility with the
-- utility in the setting gridwatch.utility_id (SET LOCAL, server/src/store/postgis/scoped-adapter.ts). The
-- app's own role owns the tables and so bypasses the policies, as the regulator's requests must; a superuser
-- bypasses them too, hence a role of their own. Roles belong to the cluster: several databases on one server
-- share it, and two may create it at once (the exception handlers).
DO $$
BEGIN
  CREATE ROLE gridwatch_utility NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'gridwatch_utility', 'MEMBER') THEN
    EXECUTE format('GRANT gridwatch_utility TO %I', current_user);
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- "tuple concurrently updated" when another database's migration grants it at the same instant.
  IF NOT pg_has_role(current_user, 'gridwatch_utility', 'MEMBER') THEN RAISE; END IF;
END $$;

GRANT USAGE ON SCHEMA public TO gridwatch_utility;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gridwatch_utility;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO gridwatch_utility;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gridwatch_utility;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO gridwatch_utility;

-- The request's utility; NULL (nothing visible) when a transaction of the role forgot to set it.
CREATE FUNCTION gridwatch_scope_utility() RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('gridwatch.utility_id', true), '')::integer $$;

-- The same rows as the shared SQL's scope (scoped-sql.ts): its sites, its substations, the lines whose ends
-- that exist are its substations, their pylons, its own utility row and its own zones.
ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON sites TO gridwatch_utility
  USING (utility_id = gridwatch_scope_utility());
ALTER TABLE substations ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON substations TO gridwatch_utility
  USING (utility_id = gridwatch_scope_utility());
ALTER TABLE lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON lines TO gridwatch_utility
  USING ((from_substation_id IS NOT NULL OR to_substation_id IS NOT NULL)
    AND (from_substation_id IS NULL OR from_substation_id IN (SELECT id FROM substations))
    AND (to_substation_id IS NULL OR to_substation_id IN (SELECT id FROM substations)));
ALTER TABLE pylons ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON pylons TO gridwatch_utility
  USING (line_id IN (SELECT id FROM lines));
ALTER TABLE utilities ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON utilities TO gridwatch_utility
  USING (id = gridwatch_scope_utility());
ALTER TABLE zones ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON zones TO gridwatch_utility
  USING (utility_id = gridwatch_scope_utility());
