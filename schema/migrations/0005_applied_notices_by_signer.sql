-- Safehold vault schema, version 5: an applied notice is known by its signer
-- and its id (schema/bundle-v1.md 12.4). A notice id is chosen by its issuer;
-- keyed by the id alone, a verified contact who saw a case owner's notice
-- could have a notice of its own applied here first under that id, and the
-- owner's withdrawal or deletion was then skipped as "already applied".
-- Runs inside one transaction (the runner adds PRAGMA user_version).
CREATE TABLE applied_notices_by_signer (
  id          TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('withdrawal', 'deletion')),
  case_id     TEXT NOT NULL,
  signer_key  TEXT NOT NULL,
  bundle_id   TEXT NOT NULL,
  applied_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  PRIMARY KEY (signer_key, id)
) WITHOUT ROWID;
INSERT INTO applied_notices_by_signer (id, kind, case_id, signer_key, bundle_id, applied_at, body)
  SELECT id, kind, case_id, signer_key, bundle_id, applied_at, body FROM applied_notices;
DROP TABLE applied_notices;
ALTER TABLE applied_notices_by_signer RENAME TO applied_notices;
CREATE INDEX applied_notices_by_case ON applied_notices(case_id);
