-- Safehold vault schema, version 1. Documented in docs/storage.md ("Schema").
-- Runs inside one transaction (the migration runner adds PRAGMA user_version).

CREATE TABLE vault_info (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  vault_id    TEXT NOT NULL,             -- hex of the id in vault.key
  created_at  TEXT NOT NULL,
  owner_name  TEXT NOT NULL              -- the actor written into the audit trail
);

-- Every record of every entity (DEVELOPERS.md "Records"); fields as JSON.
CREATE TABLE records (
  rid         INTEGER PRIMARY KEY,       -- internal; also the full-text rowid
  id          TEXT NOT NULL UNIQUE,      -- UUID v4
  entity      TEXT NOT NULL,
  case_id     TEXT REFERENCES records(id),  -- NULL for case and contact
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  fields      TEXT NOT NULL
);
CREATE INDEX records_by_case ON records(case_id, entity, created_at);
CREATE INDEX records_by_entity ON records(entity, created_at);
-- Full-text rowid -> the case a record belongs to, without opening the wide
-- records rows (the case list's free-text filter reads many of them).
CREATE INDEX records_case_by_rid ON records(rid, coalesce(case_id, id));

-- Which record refers to which (from safehold_schema's referenced_ids):
-- a referenced record cannot be deleted while a reference remains.
CREATE TABLE record_refs (
  from_id     TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  to_id       TEXT NOT NULL REFERENCES records(id),
  PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;
CREATE INDEX record_refs_by_target ON record_refs(to_id);

-- Per-year sequence of human-friendly case references (SH-2026-0042).
CREATE TABLE case_reference_counters (
  year        INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL
);

-- One row per case, maintained on every write, so the case list never has to
-- open JSON. Ranks make priority and risk sortable; change_seq orders "last
-- change" (unique, increasing) and breaks ties in every sort order, so each
-- order is served by one index. The facet columns repeat case_facets as
-- sorted, comma-separated codes for display.
CREATE TABLE case_summary (
  case_id       TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  reference     TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT '',
  priority      TEXT NOT NULL DEFAULT '',
  priority_rank INTEGER NOT NULL DEFAULT 0,
  risk_rating   TEXT NOT NULL DEFAULT '',
  risk_rank     INTEGER NOT NULL DEFAULT 0,
  consent_state TEXT NOT NULL DEFAULT 'none' CHECK (consent_state IN ('none', 'given', 'withdrawn')),
  tactics       TEXT NOT NULL DEFAULT '',
  countries     TEXT NOT NULL DEFAULT '',
  purposes      TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  last_change   TEXT NOT NULL,
  change_seq    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX case_summary_by_change ON case_summary(change_seq);
CREATE INDEX case_summary_by_created ON case_summary(created_at, change_seq);
CREATE INDEX case_summary_by_reference ON case_summary(reference, change_seq);
CREATE INDEX case_summary_by_title ON case_summary(title, change_seq);
CREATE INDEX case_summary_by_status ON case_summary(status, change_seq);
CREATE INDEX case_summary_by_risk ON case_summary(risk_rank, change_seq);
CREATE INDEX case_summary_by_priority ON case_summary(priority_rank, change_seq);

-- Multi-valued case facets for filters and the list, one row per record
-- that contributes them: tactics and country of incidents, jurisdiction of
-- legal measures, purposes of the case. A case's tactics are the union.
CREATE TABLE case_facets (
  kind       TEXT NOT NULL CHECK (kind IN ('tactic', 'country', 'purpose')),
  code       TEXT NOT NULL,
  case_id    TEXT NOT NULL REFERENCES case_summary(case_id) ON DELETE CASCADE,
  record_id  TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, code, case_id, record_id)
) WITHOUT ROWID;
CREATE INDEX case_facets_by_case ON case_facets(case_id, kind, code);
CREATE INDEX case_facets_by_record ON case_facets(record_id);

-- Full-text index over the searchable fields (docs/storage.md "Search"):
-- `words` holds non-CJK words plus CJK bigrams, `cjk_chars` single CJK
-- characters. Contentless: the text itself stays only in records.fields.
-- A 3-character prefix index serves "abc*" queries (a 2-character one would
-- duplicate every CJK bigram).
CREATE VIRTUAL TABLE record_search USING fts5(
  words, cjk_chars,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '3'
);

-- Attachment keys. Deleting the row makes the file unreadable (crypto-shredding).
CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,
  evidence_id  TEXT NOT NULL UNIQUE REFERENCES records(id),
  case_id      TEXT NOT NULL,
  file_name    TEXT NOT NULL UNIQUE,     -- 32 random hex digits under attachments/
  file_key     BLOB NOT NULL CHECK (length(file_key) = 32),
  size         INTEGER NOT NULL,
  sha256       BLOB NOT NULL CHECK (length(sha256) = 32),
  created_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Hash-chained audit trail (docs/storage.md "Audit trail").
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  object_type  TEXT NOT NULL,
  object_id    TEXT NOT NULL,
  case_id      TEXT NOT NULL DEFAULT '',
  counterparty TEXT NOT NULL DEFAULT '',
  reference    TEXT NOT NULL DEFAULT '',
  digest       BLOB NOT NULL,
  prev_hash    BLOB NOT NULL,
  entry_hash   BLOB NOT NULL
);
CREATE INDEX audit_log_by_case ON audit_log(case_id, seq);
CREATE INDEX audit_log_by_object ON audit_log(object_id, seq);
CREATE INDEX audit_log_by_bundle ON audit_log(reference, action) WHERE action IN ('bundle_exported', 'bundle_imported');

-- The chain's head, MACed with a key derived from the master key (not the
-- database key), so a cut-off tail is detected.
CREATE TABLE audit_head (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  seq         INTEGER NOT NULL,
  entry_hash  BLOB NOT NULL,
  mac         BLOB NOT NULL
);

-- The desktop app's continuous intake drafts, and vault settings.
CREATE TABLE drafts (
  key         TEXT PRIMARY KEY,
  value       BLOB NOT NULL,
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL
) WITHOUT ROWID;
