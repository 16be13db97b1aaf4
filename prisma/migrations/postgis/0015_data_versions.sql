-- Data versions (issue 17, docs/scaling.md "HTTP caching"): one counter per layer that every write of the layer
-- advances inside its own transaction, so the ETag of a tile or a layer read (derived from it) changes exactly
-- when the data may have, on every app instance alike. `utilities` is a layer of its own because a utility's
-- scope and the accountable utility follow it; a status change (status_changes) is a write of `sites`. The start
-- is random so that a database made anew never repeats the ETags another one handed out.
CREATE TABLE data_versions (
  layer   TEXT    PRIMARY KEY,
  version INTEGER NOT NULL
);
INSERT INTO data_versions (layer, version)
SELECT layer, 1 + floor(random() * 1000000)::integer
FROM unnest(ARRAY['regions', 'substations', 'lines', 'pylons', 'sites', 'zones', 'utilities']) AS layer;
GRANT SELECT ON data_versions TO gridwatch_utility;

-- A statement trigger only marks the layer as written, in a transaction-local setting: taking the counter's row
-- lock here would hold it until COMMIT, so an import of minutes would stall every status change behind it. The
-- app advances the marked counters as the last statement before COMMIT (postgis/scoped-adapter.ts), where the
-- lock lasts one round trip.
CREATE FUNCTION mark_data_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('gridwatch.written_' || TG_ARGV[0], 'on', true);
  RETURN NULL;
END $$;

-- Advances the counters of the layers this transaction wrote. SECURITY DEFINER: a utility's user (the role
-- gridwatch_utility, docs/utilities.md) may not update the table itself.
CREATE FUNCTION advance_data_versions() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  UPDATE data_versions SET version = version + 1
  WHERE current_setting('gridwatch.written_' || layer, true) = 'on';
$$;
GRANT EXECUTE ON FUNCTION advance_data_versions() TO gridwatch_utility;
CREATE TRIGGER regions_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('regions');
CREATE TRIGGER substations_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON substations
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('substations');
CREATE TRIGGER lines_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lines
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('lines');
CREATE TRIGGER pylons_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pylons
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('pylons');
CREATE TRIGGER sites_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('sites');
CREATE TRIGGER zones_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('zones');
CREATE TRIGGER utilities_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON utilities
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('utilities');
CREATE TRIGGER status_changes_data_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_changes
  FOR EACH STATEMENT EXECUTE FUNCTION mark_data_written('sites');
