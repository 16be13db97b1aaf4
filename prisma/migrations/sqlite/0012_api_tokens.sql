-- API tokens (issue 15, docs/gis-clients.md): read-only credentials an admin issues for a user, so GIS clients
-- (QGIS, GDAL, ArcGIS) that cannot log in with the cookie form read the layers with that user's role and scope.
-- Only the token's SHA-256 is stored, like a session's; revoking sets revoked_at, which ends it at once and keeps
-- the row as a record of what was issued.
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash   TEXT    NOT NULL UNIQUE,
  name         TEXT    NOT NULL,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  created_by   TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  expires_at   TEXT,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);
