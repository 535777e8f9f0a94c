// The audit chain: every kind of tampering through a raw SQLCipher connection
// (modified, deleted, inserted, reordered entries; cut-off tail; forged head)
// is detected and located.
#include <catch2/catch_test_macros.hpp>

#include "safehold/storage/audit.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;

namespace {

// A vault whose chain holds what init wrote (vault_created, identity_created)
// followed by 5 bundle exports: `total` entries.
struct ChainFixture : VaultFixture {
  int from_init = 0;
  int total = 0;
  ChainFixture() {
    from_init = static_cast<int>(vault.audit().verify()->entries);
    REQUIRE(from_init >= 1);
    total = from_init + 5;
    for (int i = 0; i < 5; ++i) {
      BundleEvent e;
      e.case_id = "case-" + std::to_string(i % 2);
      e.counterparty = "contact-" + std::to_string(i);
      e.bundle_id = "bundle-" + std::to_string(i);
      e.digest[0] = static_cast<std::uint8_t>(i);
      REQUIRE(vault.audit().record_bundle_event(e));
    }
    REQUIRE(vault.audit().verify()->intact);
    vault.lock();
  }
  AuditVerification verify_now() {
    vault = reopen();
    auto v = vault.audit().verify();
    REQUIRE(v);
    return *v;
  }
};

std::string hex_blob(const Hash32& h) { return "x'" + to_hex(h) + "'"; }

AuditEntry load(RawDb& raw, int seq) {
  AuditEntry e;
  e.seq = seq;
  const std::string w = " FROM audit_log WHERE seq = " + std::to_string(seq);
  e.at = raw.scalar("SELECT at" + w);
  e.actor = raw.scalar("SELECT actor" + w);
  e.action = raw.scalar("SELECT action" + w);
  e.object_type = raw.scalar("SELECT object_type" + w);
  e.object_id = raw.scalar("SELECT object_id" + w);
  e.case_id = raw.scalar("SELECT case_id" + w);
  e.counterparty = raw.scalar("SELECT counterparty" + w);
  e.reference = raw.scalar("SELECT reference" + w);
  auto hash = [&](const char* col) {
    auto b = from_hex(raw.scalar(std::string("SELECT lower(hex(") + col + "))" + w));
    Hash32 h{};
    std::copy(b.begin(), b.end(), h.begin());
    return h;
  };
  e.digest = hash("digest");
  e.prev_hash = hash("prev_hash");
  e.entry_hash = hash("entry_hash");
  return e;
}

void insert(RawDb& raw, const AuditEntry& e) {
  raw.exec("INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, case_id, counterparty, reference, "
           "digest, prev_hash, entry_hash) VALUES (" + std::to_string(e.seq) + ", '" + e.at + "', '" + e.actor +
           "', '" + e.action + "', '" + e.object_type + "', '" + e.object_id + "', '" + e.case_id + "', '" +
           e.counterparty + "', '" + e.reference + "', " + hex_blob(e.digest) + ", " + hex_blob(e.prev_hash) + ", " +
           hex_blob(e.entry_hash) + ")");
}

}  // namespace

TEST_CASE("audit: a fresh chain verifies and the stored hashes follow the spec", "[audit]") {
  ChainFixture f;
  RawDb raw(f.folder);
  Hash32 prev{};
  for (int seq = 1; seq <= f.total; ++seq) {
    const AuditEntry e = load(raw, seq);
    CHECK(e.prev_hash == prev);
    CHECK(compute_entry_hash(e) == e.entry_hash);
    prev = e.entry_hash;
  }
  CHECK(load(raw, 1).action == "vault_created");
  CHECK(load(raw, 1).actor == "Test Worker");
  CHECK(load(raw, 2).action == "identity_created");  // init creates the vault identity
  const auto v = f.verify_now();
  CHECK(v.intact);
  CHECK(v.entries == f.total);
}

TEST_CASE("audit: a modified entry is found", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    raw.exec("UPDATE audit_log SET counterparty = 'someone-else' WHERE seq = 3");
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == 3);
}

TEST_CASE("audit: a modified entry with a recomputed hash breaks the next link", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    AuditEntry e = load(raw, 3);
    e.counterparty = "someone-else";
    e.entry_hash = compute_entry_hash(e);
    raw.exec("DELETE FROM audit_log WHERE seq = 3");
    insert(raw, e);
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == 4);
}

TEST_CASE("audit: a deleted entry is found", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    raw.exec("DELETE FROM audit_log WHERE seq = 3");
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == 3);
}

TEST_CASE("audit: an entry inserted in the middle is found", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    // Make room at seq 3, then insert a well-formed entry chained to entry 2.
    raw.exec("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3");
    raw.exec("UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103");
    AuditEntry forged = load(raw, 2);
    forged.seq = 3;
    forged.prev_hash = load(raw, 2).entry_hash;
    forged.counterparty = "forged";
    forged.entry_hash = compute_entry_hash(forged);
    insert(raw, forged);
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == 4);
}

TEST_CASE("audit: an entry appended behind the vault's back is found", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    AuditEntry forged = load(raw, f.total);
    forged.seq = f.total + 1;
    forged.prev_hash = forged.entry_hash;
    forged.entry_hash = compute_entry_hash(forged);
    insert(raw, forged);
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == f.total + 1);
}

TEST_CASE("audit: reordered entries are found", "[audit][tamper]") {
  ChainFixture f;
  {
    RawDb raw(f.folder);
    raw.exec("UPDATE audit_log SET seq = 100 WHERE seq = 3");
    raw.exec("UPDATE audit_log SET seq = 3 WHERE seq = 4");
    raw.exec("UPDATE audit_log SET seq = 4 WHERE seq = 100");
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq == 3);
}

TEST_CASE("audit: a cut-off tail is found, even with the head moved back", "[audit][tamper]") {
  ChainFixture f;
  SECTION("tail deleted") {
    RawDb raw(f.folder);
    raw.exec("DELETE FROM audit_log WHERE seq >= 5");
    CHECK(raw.scalar("SELECT max(seq) FROM audit_log") == "4");
  }
  SECTION("tail deleted and the head rewritten without the MAC key") {
    RawDb raw(f.folder);
    raw.exec("DELETE FROM audit_log WHERE seq >= 5");
    raw.exec("UPDATE audit_head SET seq = 4, entry_hash = (SELECT entry_hash FROM audit_log WHERE seq = 4)");
    CHECK(raw.scalar("SELECT seq FROM audit_head") == "4");
  }
  SECTION("head deleted") {
    RawDb raw(f.folder);
    raw.exec("DELETE FROM audit_head");
    CHECK(raw.scalar("SELECT count(*) FROM audit_head") == "0");
  }
  const auto v = f.verify_now();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken_seq >= 1);
  CHECK(v.first_broken_seq <= f.total + 1);
}

TEST_CASE("audit: entries for a case and paging", "[audit]") {
  ChainFixture f;
  f.vault = f.reopen();
  auto c0 = f.vault.audit().for_case("case-0");
  REQUIRE(c0);
  REQUIRE(c0->size() == 3);
  CHECK(c0->at(0).counterparty == "contact-0");
  CHECK(c0->at(2).counterparty == "contact-4");
  CHECK(c0->at(0).action == "bundle_exported");
  auto p = f.vault.audit().page(2, 2);
  REQUIRE(p);
  REQUIRE(p->size() == 2);
  CHECK(p->at(0).seq == 3);
  CHECK(p->at(1).seq == 4);
  BundleEvent wrong;
  wrong.action = AuditAction::record_deleted;
  CHECK(f.vault.audit().record_bundle_event(wrong).error().code == VaultError::not_allowed);
}
