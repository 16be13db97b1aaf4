-- Users, their sessions, and the audit trail of zone edits, imports and user changes (site statuses keep
-- their own trail in status_changes). Audit rows are append-only, enforced by a trigger.
CREATE TABLE users (
  id            SERIAL  PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,
  password_hash TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('viewer', 'enforcer', 'admin')),
  disabled      BOOLEAN NOT NULL DEFAULT false,
  created_at    TEXT    NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT    NOT NULL,
  expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE audit_records (
  id        SERIAL  PRIMARY KEY,
  entity    TEXT    NOT NULL CHECK (entity IN ('site', 'zone', 'user', 'import')),
  entity_id INTEGER,
  action    TEXT    NOT NULL,
  username  TEXT    NOT NULL,
  at        TEXT    NOT NULL,
  details   TEXT    NOT NULL
);
CREATE INDEX audit_records_entity_idx ON audit_records (entity, entity_id, id);
CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
