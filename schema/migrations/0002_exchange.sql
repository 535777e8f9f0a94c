-- Safehold vault schema, version 2: the vault's identity for sealed bundles,
-- and what bundle import keeps (docs/storage.md "Identity" and "Bundles
-- received"). Runs inside one transaction (the runner adds PRAGMA user_version).

-- The vault's own keys: an age X25519 identity (bundles are encrypted to its
-- recipient) and a minisign Ed25519 key (bundles are signed with it). Made
-- when the vault is created, or on the first unlock of an older vault.
CREATE TABLE identity (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  age_identity         BLOB NOT NULL,    -- "AGE-SECRET-KEY-1..." (secret)
  minisign_key_id      BLOB NOT NULL CHECK (length(minisign_key_id) = 8),
  minisign_secret_key  BLOB NOT NULL CHECK (length(minisign_secret_key) = 64),  -- libsodium layout (secret)
  created_at           TEXT NOT NULL
);

-- Every bundle imported, by bundle id: importing it again changes nothing.
CREATE TABLE imported_bundles (
  bundle_id          TEXT PRIMARY KEY,
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
  attachments        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Where an imported record came from. The signer key owns the record: only a
-- later bundle signed with the same key may replace it.
CREATE TABLE record_provenance (
  record_id        TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  bundle_id        TEXT NOT NULL REFERENCES imported_bundles(bundle_id),  -- the last bundle that wrote it
  first_bundle_id  TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
  signer_key       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX record_provenance_by_bundle ON record_provenance(bundle_id);

-- Audit excerpts that came with imported bundles, kept as received (their
-- hashes were checked against the signed SHA256SUMS).
CREATE TABLE bundle_audit_excerpts (
  bundle_id  TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
  path       TEXT NOT NULL,   -- audit/<case-id>/<name>
  case_id    TEXT NOT NULL,
  content    BLOB NOT NULL,
  PRIMARY KEY (bundle_id, path)
) WITHOUT ROWID;
CREATE INDEX bundle_audit_excerpts_by_case ON bundle_audit_excerpts(case_id);
