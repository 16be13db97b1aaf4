-- Idempotency keys on writes (docs/security.md, "Retries"). A write sent with an `Idempotency-Key` header files
-- the key inside its own transaction, so the key is there exactly when the write committed: a retry finds it and
-- gets the first answer instead of doing the write again. `outcome` is the write transaction's result (written in
-- that transaction); `answer_status`/`answer_body` are the answer as first sent (written just after). Keys are
-- per user and forgotten after 24 hours.
CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  idem_key      TEXT    NOT NULL,
  fingerprint   TEXT    NOT NULL,
  outcome       TEXT,
  answer_status INTEGER,
  answer_body   TEXT,
  created_at    TEXT    NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
