// Migration 6 (0006_imported_bundles_by_signer.sql): the imported-bundles
// ledger, provenance, audit excerpts and set-aside conflicts name a bundle by
// signer key and id (issue 10, finding 11). A vault imported into under
// schema 5 keeps all of it, and the bundle it holds is still "already
// imported".
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("ledger: migration 6 keys the imported bundles by signer and keeps provenance and excerpts",
          "[exchange][migration]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "first.age";
  const auto sent = w.export_to(file);
  REQUIRE(ex::import_bundle(w.ngo.v(), file));
  const std::string signer = w.caseworker.v().identity().info().value().minisign_public_key;
  w.ngo.lock();
  {
    // The tables as schema version 5 had them: keyed by bundle id alone.
    RawDb raw(w.ngo.folder, kDeskPass);
    raw.exec(R"sql(
      CREATE TABLE ib5 (
        bundle_id TEXT PRIMARY KEY, created TEXT NOT NULL, signer_key TEXT NOT NULL, signer_key_id TEXT NOT NULL,
        sender_contact_id TEXT NOT NULL DEFAULT '', sender_name TEXT NOT NULL, imported_at TEXT NOT NULL,
        unverified INTEGER NOT NULL, sums_sha256 BLOB NOT NULL, cases INTEGER NOT NULL DEFAULT 0,
        records_written INTEGER NOT NULL DEFAULT 0, attachments INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
      INSERT INTO ib5 SELECT bundle_id, created, signer_key, signer_key_id, sender_contact_id, sender_name,
        imported_at, unverified, sums_sha256, cases, records_written, attachments FROM imported_bundles;
      CREATE TABLE rp5 (
        record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
        first_bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id), signer_key TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO rp5 SELECT record_id, bundle_id, first_bundle_id, signer_key FROM record_provenance;
      CREATE TABLE ae5 (
        bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id), path TEXT NOT NULL, case_id TEXT NOT NULL,
        content BLOB NOT NULL, PRIMARY KEY (bundle_id, path)) WITHOUT ROWID;
      INSERT INTO ae5 SELECT bundle_id, path, case_id, content FROM bundle_audit_excerpts;
      CREATE TABLE rc5 (
        id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        case_id TEXT NOT NULL, bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
        signer_key TEXT NOT NULL, incoming TEXT NOT NULL, reason TEXT NOT NULL, detected_at TEXT NOT NULL) WITHOUT ROWID;
      DROP TABLE record_conflicts; DROP TABLE bundle_audit_excerpts; DROP TABLE record_provenance;
      DROP TABLE imported_bundles;
      ALTER TABLE ib5 RENAME TO imported_bundles; ALTER TABLE rp5 RENAME TO record_provenance;
      ALTER TABLE ae5 RENAME TO bundle_audit_excerpts; ALTER TABLE rc5 RENAME TO record_conflicts;
      PRAGMA user_version = 5;)sql");
    REQUIRE(raw.scalar("SELECT count(*) FROM record_provenance") != "0");
  }
  auto& ngo = w.ngo.v();  // unlock runs migration 6
  const auto found = ngo.bundles().find(signer, sent.bundle_id).value();
  REQUIRE(found);
  CHECK(found->cases == 1);
  CHECK_FALSE(ngo.bundles().find(w.ngo.v().identity().info().value().minisign_public_key, sent.bundle_id).value());
  const auto prov = ngo.bundles().provenance(w.incident.id).value();
  REQUIRE(prov);
  CHECK(prov->bundle.bundle_id == sent.bundle_id);
  CHECK(prov->first_bundle_id == sent.bundle_id);
  CHECK(prov->bundle.signer_key == signer);
  CHECK(ngo.bundles().audit_excerpts(w.the_case.id).value().size() == 1);
  // The very same bundle again: already imported, nothing changes.
  const auto again = w.ngo.cli({"import", file.string()});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("was already imported") != std::string::npos);
  const auto listed = w.ngo.cli({"case", "list"});
  CHECK(listed.out.find("\tfrom Caseworker Lin") != std::string::npos);  // the sender, via the first provenance
}
