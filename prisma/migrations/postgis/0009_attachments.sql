-- Evidence (issue 12, docs/evidence.md): photos and PDFs attached to status changes. The bytes are stored once
-- per content (SHA-256) in the database, so an upload commits with its row, every app instance serves it, and a
-- backup holds it. An upload is held for its uploader until a status change takes it (unattached ones are
-- removed after a day).
CREATE TABLE attachment_contents (
  sha256    TEXT   PRIMARY KEY,
  bytes     BYTEA  NOT NULL,
  thumbnail BYTEA
);

CREATE TABLE attachments (
  id               SERIAL PRIMARY KEY,
  sha256           TEXT    NOT NULL REFERENCES attachment_contents (sha256),
  type             TEXT    NOT NULL,
  size             INTEGER NOT NULL,
  display_name     TEXT    NOT NULL,
  width            INTEGER,
  height           INTEGER,
  gps_lon          DOUBLE PRECISION,
  gps_lat          DOUBLE PRECISION,
  uploaded_by      TEXT    NOT NULL,
  uploaded_at      TEXT    NOT NULL,
  status_change_id INTEGER REFERENCES status_changes (id),
  -- Set when a status change takes it: the photo's distance from the site, and the flags (JSON array).
  distance_km      DOUBLE PRECISION,
  flags            TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX attachments_status_change_id_idx ON attachments (status_change_id);
CREATE INDEX attachments_uploaded_at_idx ON attachments (uploaded_at);
