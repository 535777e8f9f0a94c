-- Safehold vault schema, version 6: an imported bundle is known by its signer
-- key and its id (schema/bundle-v1.md section 8, step 6). A bundle id is
-- chosen by its sender; keyed by the id alone, a co-recipient who saw the id
-- could import a harmless bundle under it first, and the real bundle was then
-- refused as "bundle id reused" and its content never arrived (issue 10,
-- finding 11). Every table that names an imported bundle now names it by
-- (signer key, bundle id). Runs inside one transaction (the runner adds
-- PRAGMA user_version); tables are rebuilt, children first dropped, then the
-- parent, so foreign keys hold at every statement.

CREATE TABLE imported_bundles_v6 (
  bundle_id          TEXT NOT NULL,
  created            TEXT NOT NULL,   -- when the sender sealed it
  signer_key         TEXT NOT NULL,   -- minisign public key line that signed it
  signer_key_id      TEXT NOT NULL,   -- 16 hex digits, as minisign prints it
  sender_contact_id  TEXT NOT NULL DEFAULT '',  -- the contact holding that key, at import time
  sender_name        TEXT NOT NULL,   -- the name in the signed manifest
  imported_at        TEXT NOT NULL,
  unverified         INTEGER NOT NULL CHECK (unverified IN (0, 1)),  -- imported with --allow-unverified
  sums_sha256        BLOB NOT NULL CHECK (length(sums_sha256) = 32),  -- SHA-256 of its SHA256SUMS
  cases              INTEGER NOT NULL DEFAULT 0,
  records_written    INTEGER NOT NULL DEFAULT 0,
  attachments        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (signer_key, bundle_id)
) WITHOUT ROWID;
INSERT INTO imported_bundles_v6 SELECT bundle_id, created, signer_key, signer_key_id, sender_contact_id,
  sender_name, imported_at, unverified, sums_sha256, cases, records_written, attachments FROM imported_bundles;

-- The last bundle that wrote a record (signer_key, bundle_id) and the first
-- (first_signer_key, first_bundle_id).
CREATE TABLE record_provenance_v6 (
  record_id         TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  bundle_id         TEXT NOT NULL,
  first_bundle_id   TEXT NOT NULL,
  signer_key        TEXT NOT NULL,
  first_signer_key  TEXT NOT NULL,
  FOREIGN KEY (signer_key, bundle_id) REFERENCES imported_bundles_v6(signer_key, bundle_id),
  FOREIGN KEY (first_signer_key, first_bundle_id) REFERENCES imported_bundles_v6(signer_key, bundle_id)
) WITHOUT ROWID;
INSERT INTO record_provenance_v6 (record_id, bundle_id, first_bundle_id, signer_key, first_signer_key)
  SELECT p.record_id, p.bundle_id, p.first_bundle_id, p.signer_key,
         (SELECT b.signer_key FROM imported_bundles b WHERE b.bundle_id = p.first_bundle_id)
  FROM record_provenance p;

CREATE TABLE bundle_audit_excerpts_v6 (
  signer_key  TEXT NOT NULL,
  bundle_id   TEXT NOT NULL,
  path        TEXT NOT NULL,   -- audit/<case-id>/<name>
  case_id     TEXT NOT NULL,
  content     BLOB NOT NULL,
  PRIMARY KEY (signer_key, bundle_id, path),
  FOREIGN KEY (signer_key, bundle_id) REFERENCES imported_bundles_v6(signer_key, bundle_id)
) WITHOUT ROWID;
INSERT INTO bundle_audit_excerpts_v6 (signer_key, bundle_id, path, case_id, content)
  SELECT b.signer_key, e.bundle_id, e.path, e.case_id, e.content
  FROM bundle_audit_excerpts e JOIN imported_bundles b USING (bundle_id);

CREATE TABLE record_conflicts_v6 (
  id           TEXT PRIMARY KEY,
  record_id    TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  case_id      TEXT NOT NULL,
  bundle_id    TEXT NOT NULL,
  signer_key   TEXT NOT NULL,
  incoming     TEXT NOT NULL,
  reason       TEXT NOT NULL,   -- ids and revision numbers only
  detected_at  TEXT NOT NULL,
  FOREIGN KEY (signer_key, bundle_id) REFERENCES imported_bundles_v6(signer_key, bundle_id)
) WITHOUT ROWID;
INSERT INTO record_conflicts_v6 SELECT id, record_id, case_id, bundle_id, signer_key, incoming, reason, detected_at
  FROM record_conflicts;

DROP TABLE record_conflicts;
DROP TABLE bundle_audit_excerpts;
DROP TABLE record_provenance;
DROP TABLE imported_bundles;
-- Renaming the parent rewrites the children's foreign keys to the new name.
ALTER TABLE imported_bundles_v6 RENAME TO imported_bundles;
ALTER TABLE record_provenance_v6 RENAME TO record_provenance;
ALTER TABLE bundle_audit_excerpts_v6 RENAME TO bundle_audit_excerpts;
ALTER TABLE record_conflicts_v6 RENAME TO record_conflicts;
CREATE INDEX record_provenance_by_bundle ON record_provenance(signer_key, bundle_id);
CREATE INDEX bundle_audit_excerpts_by_case ON bundle_audit_excerpts(case_id);
CREATE INDEX record_conflicts_by_case ON record_conflicts(case_id);
CREATE INDEX record_conflicts_by_record ON record_conflicts(record_id);
