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
SELECT layer, 1 + abs(random() % 1000000) FROM (
  SELECT 'regions' AS layer
  UNION ALL SELECT 'substations'
  UNION ALL SELECT 'lines'
  UNION ALL SELECT 'pylons'
  UNION ALL SELECT 'sites'
  UNION ALL SELECT 'zones'
  UNION ALL SELECT 'utilities'
);
-- A row trigger per table and kind of write: SQLite has no statement triggers, and it has one writer at a time.
CREATE TRIGGER regions_insert_data_version AFTER INSERT ON regions
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'regions'; END;
CREATE TRIGGER regions_update_data_version AFTER UPDATE ON regions
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'regions'; END;
CREATE TRIGGER regions_delete_data_version AFTER DELETE ON regions
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'regions'; END;
CREATE TRIGGER substations_insert_data_version AFTER INSERT ON substations
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'substations'; END;
CREATE TRIGGER substations_update_data_version AFTER UPDATE ON substations
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'substations'; END;
CREATE TRIGGER substations_delete_data_version AFTER DELETE ON substations
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'substations'; END;
CREATE TRIGGER lines_insert_data_version AFTER INSERT ON lines
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'lines'; END;
CREATE TRIGGER lines_update_data_version AFTER UPDATE ON lines
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'lines'; END;
CREATE TRIGGER lines_delete_data_version AFTER DELETE ON lines
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'lines'; END;
CREATE TRIGGER pylons_insert_data_version AFTER INSERT ON pylons
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'pylons'; END;
CREATE TRIGGER pylons_update_data_version AFTER UPDATE ON pylons
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'pylons'; END;
CREATE TRIGGER pylons_delete_data_version AFTER DELETE ON pylons
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'pylons'; END;
CREATE TRIGGER sites_insert_data_version AFTER INSERT ON sites
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
CREATE TRIGGER sites_update_data_version AFTER UPDATE ON sites
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
CREATE TRIGGER sites_delete_data_version AFTER DELETE ON sites
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
CREATE TRIGGER zones_insert_data_version AFTER INSERT ON zones
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'zones'; END;
CREATE TRIGGER zones_update_data_version AFTER UPDATE ON zones
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'zones'; END;
CREATE TRIGGER zones_delete_data_version AFTER DELETE ON zones
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'zones'; END;
CREATE TRIGGER utilities_insert_data_version AFTER INSERT ON utilities
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'utilities'; END;
CREATE TRIGGER utilities_update_data_version AFTER UPDATE ON utilities
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'utilities'; END;
CREATE TRIGGER utilities_delete_data_version AFTER DELETE ON utilities
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'utilities'; END;
CREATE TRIGGER status_changes_insert_data_version AFTER INSERT ON status_changes
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
CREATE TRIGGER status_changes_update_data_version AFTER UPDATE ON status_changes
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
CREATE TRIGGER status_changes_delete_data_version AFTER DELETE ON status_changes
BEGIN UPDATE data_versions SET version = version + 1 WHERE layer = 'sites'; END;
