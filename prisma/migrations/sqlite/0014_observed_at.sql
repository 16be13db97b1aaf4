-- Offline field work (issue 14, docs/offline.md): a status change recorded on a phone without signal reaches the
-- server later. observed_at is when the crew made it in the field (the client's clock, checked against bounds at
-- sync); at stays the server's time of recording. Null for changes made online and for every change before 0014.
ALTER TABLE status_changes ADD COLUMN observed_at TEXT;
