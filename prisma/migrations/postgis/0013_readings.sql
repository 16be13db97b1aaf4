-- Metered load per substation as an hourly time series (issue 18, docs/detection.md): what the utilities'
-- SCADA/AMI systems export. One row per substation and hour, kept compact: the hour as an integer (hours since
-- 1970-01-01T00:00Z, so a Beijing day is 24 consecutive values) and the megawatts. The primary key is the index
-- every read uses (a substation's hours in a range), and refuses a second reading of the same hour.
-- Not partitioned by month: at a year of ~300 substations (2.6M rows) the primary key's B-tree serves every
-- read by range, and one table keeps the SQL identical to SQLite's; partitioning is for when the table holds
-- years of many utilities' meters.
CREATE TABLE readings (
  substation_id INTEGER          NOT NULL REFERENCES substations (id),
  hour          INTEGER          NOT NULL,
  mw            DOUBLE PRECISION NOT NULL CHECK (mw >= 0),
  PRIMARY KEY (substation_id, hour)
);
-- A day's readings of every substation (the dated unexplained load and the signatures read by hour range).
CREATE INDEX readings_hour_idx ON readings (hour);

-- Readings are scoped like their substations (migration 0010): a utility's user sees its own meters only.
ALTER TABLE readings ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON readings TO gridwatch_utility
  USING (substation_id IN (SELECT id FROM substations));
GRANT SELECT, INSERT, UPDATE, DELETE ON readings TO gridwatch_utility;
