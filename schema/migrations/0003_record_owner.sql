-- Safehold vault schema, version 3: every record has one owner, the vault
-- identity that created it (schema/bundle-v1.md section 12.2, docs/storage.md
-- "Owners"). Runs inside one transaction (the runner adds PRAGMA user_version).

-- owner_key: the owner's minisign public key line ("RW…", the whole public
-- key, not the key id, which anyone can choose); '' is this vault's own
-- identity, whose key never changes. Records made here before owners existed
-- are this vault's; records an earlier bundle brought belong to its signer.
ALTER TABLE records ADD COLUMN owner_key TEXT NOT NULL DEFAULT '';
UPDATE records SET owner_key = (SELECT p.signer_key FROM record_provenance p WHERE p.record_id = records.id)
 WHERE id IN (SELECT record_id FROM record_provenance);

-- Revisions (bundle-v1.md 12.1): a counter, a random id per revision (never
-- a hash of the content, which would let a holder of a redacted copy test
-- guesses), the earlier ids (JSON array, newest first, at most 32); and the
-- fields the exporter of this copy left out (JSON array). Existing records
-- start at revision 1 with a fresh random id.
ALTER TABLE records ADD COLUMN revision_n INTEGER NOT NULL DEFAULT 1;
ALTER TABLE records ADD COLUMN revision_id TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN revision_history TEXT NOT NULL DEFAULT '[]';
ALTER TABLE records ADD COLUMN withheld TEXT NOT NULL DEFAULT '[]';
UPDATE records SET revision_id = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));

-- Incoming copies that conflict with the vault's (bundle-v1.md 12.3), kept
-- aside until a person settles them: the record and its owner/revision as
-- received (JSON; encrypted like the whole database).
CREATE TABLE record_conflicts (
  id           TEXT PRIMARY KEY,
  record_id    TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  case_id      TEXT NOT NULL,
  bundle_id    TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
  signer_key   TEXT NOT NULL,
  incoming     TEXT NOT NULL,
  reason       TEXT NOT NULL,   -- ids and revision numbers only
  detected_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX record_conflicts_by_case ON record_conflicts(case_id);
CREATE INDEX record_conflicts_by_record ON record_conflicts(record_id);

-- A withdrawal recorded on a case this vault holds as a copy (its consent
-- records are the owner's and are not edited here), or received from the
-- owner in a notice (bundle-v1.md 12.4). It counts like a withdrawal in the
-- consent and no later copy of the consent lifts it.
CREATE TABLE case_withdrawals (
  case_id      TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  extent       TEXT NOT NULL CHECK (extent IN ('all', 'listed_scopes', 'future_use')),
  scopes       TEXT NOT NULL DEFAULT '[]',
  source       TEXT NOT NULL,   -- 'local', or the id of the notice that brought it
  recorded_at  TEXT NOT NULL
) WITHOUT ROWID;
