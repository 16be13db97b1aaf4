-- Metered load per substation as an hourly time series (issue 18, docs/detection.md): what the utilities'
-- SCADA/AMI systems export. One row per substation and hour, kept compact: the hour as an integer (hours since
-- 1970-01-01T00:00Z, so a Beijing day is 24 consecutive values) and the megawatts. The primary key is the index
-- every read uses (a substation's hours in a range), and refuses a second reading of the same hour.
CREATE TABLE readings (
  substation_id INTEGER NOT NULL REFERENCES substations (id),
  hour          INTEGER NOT NULL,
  mw            REAL    NOT NULL CHECK (mw >= 0),
  PRIMARY KEY (substation_id, hour)
) WITHOUT ROWID;
-- A day's readings of every substation (the dated unexplained load and the signatures read by hour range).
CREATE INDEX readings_hour_idx ON readings (hour);
