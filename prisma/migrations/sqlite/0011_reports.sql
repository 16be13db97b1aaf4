-- The utilities' periodic reports (issue 12, docs/reports.md). One row per revision of a utility's report for a
-- period: a draft until submitted, then frozen (content is the canonical JSON, sha256 its hash; never rewritten),
-- then accepted or returned by the regulator; a returned report is revised as the next revision.
CREATE TABLE reports (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  utility_id     INTEGER NOT NULL REFERENCES utilities (id),
  period         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  state          TEXT    NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  narrative      TEXT    NOT NULL DEFAULT '',
  created_at     TEXT    NOT NULL,
  created_by     TEXT    NOT NULL,
  content        TEXT,
  sha256         TEXT,
  submitted_at   TEXT,
  submitted_by   TEXT,
  reviewed_at    TEXT,
  reviewed_by    TEXT,
  review_comment TEXT,
  UNIQUE (utility_id, period, revision)
);
CREATE INDEX reports_period_idx ON reports (period);

-- The reporting schedule an admin may change (one row; none means the campaign's default with 5 grace days).
CREATE TABLE report_schedules (
  id          INTEGER PRIMARY KEY,
  start       TEXT    NOT NULL,
  deadline    TEXT    NOT NULL,
  grace_days  INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  updated_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL
);

-- A report takes attachments as a status change does.
ALTER TABLE attachments ADD COLUMN report_id INTEGER REFERENCES reports (id);
CREATE INDEX attachments_report_id_idx ON attachments (report_id);

-- The audit trail records the reports' steps and the schedule's changes too: SQLite cannot alter a CHECK, so the
-- append-only table is rebuilt with its rows, index and triggers as they were.
DROP TRIGGER audit_records_no_update;
DROP TRIGGER audit_records_no_delete;
CREATE TABLE audit_records_new (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  entity    TEXT    NOT NULL CHECK (entity IN ('site', 'zone', 'user', 'import', 'report', 'schedule')),
  entity_id INTEGER,
  action    TEXT    NOT NULL,
  username  TEXT    NOT NULL,
  at        TEXT    NOT NULL,
  details   TEXT    NOT NULL
);
INSERT INTO audit_records_new (id, entity, entity_id, action, username, at, details)
  SELECT id, entity, entity_id, action, username, at, details FROM audit_records;
DROP TABLE audit_records;
ALTER TABLE audit_records_new RENAME TO audit_records;
CREATE INDEX audit_records_entity_idx ON audit_records (entity, entity_id, id);
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;
CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;
