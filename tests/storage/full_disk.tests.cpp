// A full disk (a small tmpfs): writes fail with disk_full, one by one, and
// leave the vault intact: it opens, checks clean, and holds exactly what was
// committed before.
#include <catch2/catch_test_macros.hpp>

#include "small_tmpfs.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

TEST_CASE("full disk: failed writes change nothing and the vault stays intact", "[full_disk]") {
  TempDir base;
  SmallTmpfs disk(base / "disk", 3u << 20);
  if (!disk.ok()) SKIP("no small filesystem for the full-disk test: " << disk.why());
  const fs::path folder = base / "disk" / "vault";
  const fs::path ballast = base / "disk" / "ballast";
  write_file(ballast, std::vector<std::uint8_t>(768u << 10, 0xaa));

  std::size_t committed = 0;
  std::string case_id;
  {
    auto v = Vault::create(folder, pass("correct horse"), cheap_options());
    REQUIRE(v);
    auto kase = v->records().create("case", "", case_fields("Full disk case")).value();
    case_id = kase.id;
    auto person = v->records().create("person", kase.id, interviewee_fields("Ibis")).value();
    REQUIRE(v->records().create("consent", kase.id, consent_fields(person.id, {"be_interviewed"})));
    auto evidence = v->records().create("evidence_item", kase.id, evidence_fields("video")).value();

    // Fill the disk with records until a write is refused.
    StorageError last;
    for (int i = 0; i < 10000; ++i) {
      auto r = v->records().create("incident", kase.id,
                                   incident_fields("Incident " + std::to_string(i), std::string(20000, 'z'), {"D1"}));
      if (!r) {
        last = r.error();
        break;
      }
      ++committed;
    }
    CHECK(last.code == VaultError::disk_full);
    CHECK(committed > 0);
    // Every other kind of write fails the same way, and cleanly.
    const auto big = pseudo_random_bytes(1u << 20);
    base::SpanSource src(big);
    CHECK(v->attachments().import(evidence.id, src).error().code == VaultError::disk_full);
    for (const auto& e : fs::directory_iterator(folder / "attachments")) FAIL("left behind: " << e.path());
    auto draft = v->drafts().put("draft", std::string(2u << 20, 'd'));
    REQUIRE_FALSE(draft);
    CHECK(draft.error().code == VaultError::disk_full);
    const auto key_before = read_file(folder / "vault.key");
    auto rekey = v->change_passphrase(pass("correct horse"), pass("new one"), KdfParams::insecure_for_tests());
    REQUIRE_FALSE(rekey);
    CHECK(rekey.error().code == VaultError::disk_full);
    CHECK(read_file(folder / "vault.key") == key_before);
    for (const auto& e : fs::directory_iterator(folder)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
    CHECK(v->records().list(kase.id, "incident").value().size() == committed);
  }  // locked while the disk is still full

  fs::remove(ballast);
  auto v = Vault::unlock(folder, pass("correct horse"));
  REQUIRE(v);
  auto report = v->check_integrity();
  REQUIRE(report);
  CHECK(report->ok());
  CHECK(v->records().list(case_id, "incident").value().size() == committed);
  CHECK(v->records().create("incident", case_id, incident_fields("after", "space again", {"D1"})).has_value());
}
