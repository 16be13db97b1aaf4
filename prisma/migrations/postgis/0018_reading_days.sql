-- Each meter's days folded once (issue 18, docs/detection.md, "Cost"): the signatures rank a year of every meter,
-- and folding its 2.5M hourly readings per request cost seconds. One row per substation and Beijing day, kept
-- exact by every write of readings (the import and the seed refold the days they touch, in their transaction):
-- the hours read, their sum and peak, and the sums and counts of the night (00–06) and working-hours (10–18)
-- windows, so the day's mean and the windows' means are sums ÷ counts (domain/signatures/daily-load.ts).
-- `day` is the Beijing day as days since 1970-01-01: (hour + 8) / 24.
CREATE TABLE reading_days (
  substation_id INTEGER          NOT NULL REFERENCES substations (id),
  day           INTEGER          NOT NULL,
  hours         INTEGER          NOT NULL,
  sum_mw        DOUBLE PRECISION NOT NULL,
  peak_mw       DOUBLE PRECISION NOT NULL,
  night_sum_mw  DOUBLE PRECISION NOT NULL,
  night_hours   INTEGER          NOT NULL,
  work_sum_mw   DOUBLE PRECISION NOT NULL,
  work_hours    INTEGER          NOT NULL,
  PRIMARY KEY (substation_id, day)
);
-- No index by day: the signatures read every meter's year, in the primary key's order.

INSERT INTO reading_days (substation_id, day, hours, sum_mw, peak_mw, night_sum_mw, night_hours, work_sum_mw,
    work_hours)
  SELECT substation_id, (hour + 8) / 24, count(*), sum(mw), max(mw),
    COALESCE(sum(CASE WHEN (hour + 8) % 24 < 6 THEN mw END), 0),
    count(CASE WHEN (hour + 8) % 24 < 6 THEN 1 END),
    COALESCE(sum(CASE WHEN (hour + 8) % 24 >= 10 AND (hour + 8) % 24 < 18 THEN mw END), 0),
    count(CASE WHEN (hour + 8) % 24 >= 10 AND (hour + 8) % 24 < 18 THEN 1 END)
  FROM readings GROUP BY substation_id, (hour + 8) / 24;

-- Scoped like the readings they fold (migration 0013): a utility's user sees its own meters' days only.
ALTER TABLE reading_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY utility_scope ON reading_days TO gridwatch_utility
  USING (substation_id IN (SELECT id FROM substations));
GRANT SELECT, INSERT, UPDATE, DELETE ON reading_days TO gridwatch_utility;
