-- Safehold vault schema, version 4: withdrawal and deletion notices that
-- travel (schema/bundle-v1.md section 12.4, docs/exchange.md "Notices").
-- Runs inside one transaction (the runner adds PRAGMA user_version).

-- Notices this vault issued as a case owner. case_id is not a reference to
-- records: a deletion notice outlives the case it deletes. body: the notice
-- as it travels (JSON: ids, codes and times only, never record content).
CREATE TABLE issued_notices (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('withdrawal', 'deletion')),
  case_id    TEXT NOT NULL,
  issued_at  TEXT NOT NULL,
  body       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX issued_notices_by_case ON issued_notices(case_id);

-- Who must get each notice: the recipients of earlier bundles of its case,
-- fixed when it was issued. bundle_id/sent_at stay '' until a bundle
-- carrying the notice was written for that contact.
CREATE TABLE notice_deliveries (
  notice_id   TEXT NOT NULL REFERENCES issued_notices(id) ON DELETE CASCADE,
  contact_id  TEXT NOT NULL,
  bundle_id   TEXT NOT NULL DEFAULT '',
  sent_at     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (notice_id, contact_id)
) WITHOUT ROWID;

-- Notices this vault received and applied (a notice id applied before is
-- skipped). Not a reference to records either: a deletion removes the case.
CREATE TABLE applied_notices (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('withdrawal', 'deletion')),
  case_id     TEXT NOT NULL,
  signer_key  TEXT NOT NULL,
  bundle_id   TEXT NOT NULL,
  applied_at  TEXT NOT NULL,
  body        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX applied_notices_by_case ON applied_notices(case_id);
