-- Hardening of logins (docs/security.md).
-- A username's key: its skeleton (case, separators and look-alike characters folded, server/src/domain/username-key.ts),
-- unique, so "Admin", "ADMIN" and "admin." cannot sit beside "admin". Existing rows get the same folding in SQL;
-- a clash among them (which this check did not refuse before) keeps the oldest and suffixes the others by id.
ALTER TABLE users ADD COLUMN username_key TEXT;
UPDATE users SET username_key =
  replace(replace(replace(replace(replace(replace(replace(replace(lower(username),
    '.', ''), '_', ''), '-', ''), '0', 'o'), '1', 'l'), 'i', 'l'), 'rn', 'm'), 'vv', 'w');
UPDATE users SET username_key = username_key || '#' || id
  WHERE EXISTS (SELECT 1 FROM users older WHERE older.username_key = users.username_key AND older.id < users.id);
CREATE UNIQUE INDEX users_username_key_idx ON users (username_key);

-- Failed logins per (username key, address), and per address under the key '*': the throttle's state lives in
-- the database so that every app instance sees it. Rows older than the throttle's memory are pruned.
CREATE TABLE login_failures (
  username_key    TEXT    NOT NULL,
  address         TEXT    NOT NULL,
  failures        INTEGER NOT NULL,
  last_failure_at TEXT    NOT NULL,
  PRIMARY KEY (username_key, address)
);
CREATE INDEX login_failures_last_failure_at_idx ON login_failures (last_failure_at);

-- Expired sessions are purged at each login; the oldest beyond a user's cap are ended.
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
