// Regressions of issue 10 with bundles that verified but hostile senders build
// by hand with stock age, minisign and tar (schema/bundle-v1.md section 10).
#include <catch2/catch_test_macros.hpp>

#include "stock_sender.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

// What a vault holds, for "nothing changed" checks.
std::string vault_state(const CliVault& v) {
  return v.cli({"case", "list", "--json"}).out + v.cli({"audit", "show", "--json"}).out;
}

}  // namespace

// Finding 11: a co-recipient sends a harmless bundle under the real bundle's
// id first; the real one was then reported "already imported".
TEST_CASE("exchange: a bundle id reused by another signer or with other files is refused, not 'already imported'",
          "[exchange][interop][regression]") {
  CliVault lawyer;
  TempDir work;
  const StockSender real, decoy;
  real.add_verified_to(lawyer, "Real Sender");
  decoy.add_verified_to(lawyer, "Co Recipient");
  const std::string me = identity_of(lawyer, "age_recipient");

  auto genuine = one_case_bundle(me, "RS-2026-0001", "The real case");
  auto harmless = one_case_bundle(me, "CR-2026-0001", "Nothing to see");
  harmless.bundle_id = genuine.bundle_id;  // the co-recipient saw the real id
  const fs::path decoy_file = decoy.seal(work.path(), harmless);
  const fs::path real_file = real.seal(work.path(), genuine);

  REQUIRE(lawyer.cli({"import", decoy_file.string()}).exit_code == 0);
  const std::string before = vault_state(lawyer);
  for (const char* command : {"verify", "import"}) {
    INFO(command);
    const auto r = lawyer.cli({command, real_file.string()});
    CHECK(r.exit_code == 30);
    CHECK(r.err.find("a different bundle with this id was imported before") != std::string::npos);
    CHECK(r.err.find("The real case") == std::string::npos);
  }
  CHECK(vault_state(lawyer) == before);

  // The same sender, the same id, other files: refused too.
  auto changed = harmless;
  changed.files.begin()->second = hand_case_record(changed.cases[0], "CR-2026-0001", "Changed title");
  const fs::path changed_file = decoy.seal(work.path(), changed);
  CHECK(lawyer.cli({"import", changed_file.string()}).exit_code == 30);

  // The very same bundle again is "already imported": success, nothing changes.
  const auto again = lawyer.cli({"import", decoy_file.string()});
  CHECK(again.exit_code == 0);
  CHECK(vault_state(lawyer) == before);
}

// Finding 13: "verified" was printed beside a fingerprint computed from the
// manifest's age key, which need not be the verified contact's.
TEST_CASE("exchange: a manifest whose sender age key is not the signer contact's is refused",
          "[exchange][interop][regression]") {
  CliVault lawyer;
  TempDir work;
  const StockSender sender, other;
  sender.add_verified_to(lawyer, "Verified Sender");
  const std::string me = identity_of(lawyer, "age_recipient");

  auto b = one_case_bundle(me, "VS-2026-0001", "Reply elsewhere");
  b.sender_age = other.age_recipient;  // signed by the contact's key, naming someone else's age key
  const fs::path file = sender.seal(work.path(), b);
  const std::string before = vault_state(lawyer);
  for (const char* command : {"verify", "import"}) {
    INFO(command);
    const auto r = lawyer.cli({command, file.string()});
    CHECK(r.exit_code == 31);
    CHECK(r.err.find("sender age key is not the one of the contact who signed it") != std::string::npos);
    CHECK(r.out.find("verified") == std::string::npos);
  }
  CHECK(vault_state(lawyer) == before);

  // The same bundle naming the contact's own age key imports.
  auto good = one_case_bundle(me, "VS-2026-0002", "Reply here");
  const auto ok = lawyer.cli({"import", sender.seal(work.path(), good).string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
}
