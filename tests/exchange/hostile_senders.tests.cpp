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

// A notice file built by hand (bundle-v1.md 12.4, canonical encoding):
// bundle path and content. Kind "withdrawal" (extent all) or "deletion" (the
// whole case).
std::pair<std::string, std::string> hand_notice(const std::string& id, const std::string& kind,
                                                const std::string& case_id, const std::string& owner) {
  const std::string what = kind == "withdrawal"
                               ? "  \"withdrawal\": {\n    \"at\": \"2026-12-01T09:00:00Z\",\n    \"extent\": \"all\",\n"
                                 "    \"scopes\": []\n  }\n"
                               : "  \"records\": []\n";
  return {"notices/" + id + ".json", "{\n  \"case_id\": \"" + case_id + "\",\n  \"id\": \"" + id +
                                         "\",\n  \"issued_at\": \"2026-12-01T10:00:00Z\",\n  \"kind\": \"" + kind +
                                         "\",\n  \"owner\": \"" + owner + "\",\n" + what + "}\n"};
}

// A format 2 bundle to `recipient` holding `notices` about `case_id`.
StockSender::Bundle notices_bundle(const std::string& recipient, const std::string& case_id,
                                   std::initializer_list<std::pair<std::string, std::string>> notices) {
  StockSender::Bundle b;
  b.format_version = 2;
  b.recipients = {recipient};
  b.cases = {case_id};
  for (const auto& [path, content] : notices) b.files[path] = content;
  return b;
}

// A lawyer's vault and two verified senders: the case's real sender and a
// co-recipient (verified, hostile).
struct LawyerAndTwoSenders {
  CliVault lawyer;
  TempDir work;
  const StockSender real, decoy;
  std::string me;
  LawyerAndTwoSenders() {
    real.add_verified_to(lawyer, "Real Sender");
    decoy.add_verified_to(lawyer, "Co Recipient");
    me = identity_of(lawyer, "age_recipient");
  }
};

}  // namespace

// Finding 11: a co-recipient sends a harmless bundle under the real bundle's
// id first. The real one was then refused (bundle id reused, exit 30) and its
// content never arrived. The ledger knows a bundle by signer and id
// (bundle-v1.md 8, step 6): another signer's bundle under the id is another
// bundle; the same signer's id with other files is still refused.
TEST_CASE("exchange: a co-recipient's bundle under the real bundle's id does not keep the real one out",
          "[exchange][interop][regression]") {
  LawyerAndTwoSenders t;
  CliVault& lawyer = t.lawyer;
  const TempDir& work = t.work;
  const StockSender &real = t.real, &decoy = t.decoy;
  const std::string& me = t.me;

  auto genuine = one_case_bundle(me, "RS-2026-0001", "The real case");
  auto harmless = one_case_bundle(me, "CR-2026-0001", "Nothing to see");
  harmless.bundle_id = genuine.bundle_id;  // the co-recipient saw the real id
  const fs::path decoy_file = decoy.seal(work.path(), harmless);
  const fs::path real_file = real.seal(work.path(), genuine);

  REQUIRE(lawyer.cli({"import", decoy_file.string()}).exit_code == 0);
  const std::string before = vault_state(lawyer);
  const auto verified = lawyer.cli({"verify", real_file.string()});
  INFO(verified.err);
  CHECK(verified.exit_code == 0);
  CHECK(vault_state(lawyer) == before);
  const auto imported = lawyer.cli({"import", real_file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.err.find("already imported") == std::string::npos);
  const std::string cases = lawyer.cli({"case", "list", "--json"}).out;
  CHECK(cases.find(genuine.cases[0]) != std::string::npos);
  CHECK(cases.find(harmless.cases[0]) != std::string::npos);
  const std::string after_real = vault_state(lawyer);

  // The same signer, the same id, other files: refused, nothing changes.
  for (const auto* who : {&decoy, &real}) {
    auto changed = who == &decoy ? harmless : genuine;
    changed.files.begin()->second = hand_case_record(changed.cases[0], "XX-2026-0001", "Changed title");
    const fs::path changed_file = who->seal(work.path(), changed);
    for (const char* command : {"verify", "import"}) {
      INFO(command);
      const auto r = lawyer.cli({command, changed_file.string()});
      CHECK(r.exit_code == 30);
      CHECK(r.err.find("a different bundle with this id was imported before") != std::string::npos);
      CHECK(r.err.find("Changed title") == std::string::npos);
    }
  }
  CHECK(vault_state(lawyer) == after_real);

  // Each very same bundle again is "already imported": success, nothing changes.
  for (const auto& file : {decoy_file, real_file}) {
    const auto again = lawyer.cli({"import", file.string()});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("was already imported") != std::string::npos);
  }
  CHECK(vault_state(lawyer) == after_real);
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

// Finding 4, hostile side: a co-recipient builds a withdrawal and a deletion
// notice by hand (stock tools, format version 2) for a case another sender
// owns. Naming itself as owner, the notices are not applied and change
// nothing; naming the real owner, the bundle is refused (content, exit 22).
TEST_CASE("exchange: a co-recipient's hand-made notices about someone else's case change nothing",
          "[exchange][interop][notices]") {
  LawyerAndTwoSenders t;
  CliVault& lawyer = t.lawyer;
  const TempDir& work = t.work;
  const StockSender &real = t.real, &decoy = t.decoy;
  const std::string& me = t.me;
  const auto genuine = one_case_bundle(me, "RS-2026-0001", "The real case");
  REQUIRE(lawyer.cli({"import", real.seal(work.path(), genuine).string()}).exit_code == 0);
  const std::string case_id = genuine.cases[0];

  auto notices_by = [&](const std::string& owner) {
    const auto b = notices_bundle(me, case_id,
                                  {hand_notice(bundle::random_uuid4(), "withdrawal", case_id, owner),
                                   hand_notice(bundle::random_uuid4(), "deletion", case_id, owner)});
    return decoy.seal(work.path(), b);
  };

  const auto before = lawyer.cli({"case", "list", "--json"}).out;
  const auto r = lawyer.cli({"import", notices_by(decoy.key_line).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("NOT APPLIED: the signer does not own the case held here") != std::string::npos);
  CHECK(r.out.find("): applied") == std::string::npos);
  CHECK(lawyer.cli({"case", "list", "--json"}).out == before);  // still there, consent as it was
  CHECK(lawyer.cli({"notice", "list", "--json"}).out.find(case_id) == std::string::npos);

  const std::string state = vault_state(lawyer);
  for (const char* command : {"verify", "import"}) {
    INFO(command);
    const auto claimed = lawyer.cli({command, notices_by(real.key_line).string()});
    CHECK(claimed.exit_code == 22);
    CHECK(claimed.err.find("the notice's owner is not the bundle's signer") != std::string::npos);
  }
  CHECK(vault_state(lawyer) == state);
}

// A co-recipient who got the owner's withdrawal notice sends the lawyer, first,
// a notice of its own under that notice's id, about a case it owns there. The
// owner's withdrawal must still be applied when it arrives, not skipped as
// "already applied" (a notice id is the issuer's: it is skipped only when
// the same signer's notice was applied).
TEST_CASE("exchange: a co-recipient's notice under the owner's notice id does not stop the owner's withdrawal",
          "[exchange][interop][notices][regression]") {
  LawyerAndTwoSenders t;
  CliVault& lawyer = t.lawyer;
  const TempDir& work = t.work;
  const StockSender &real = t.real, &decoy = t.decoy;
  const std::string& me = t.me;
  const auto genuine = one_case_bundle(me, "RS-2026-0001", "The real case");
  const auto own = one_case_bundle(me, "CR-2026-0001", "The co-recipient's case");
  REQUIRE(lawyer.cli({"import", real.seal(work.path(), genuine).string()}).exit_code == 0);
  REQUIRE(lawyer.cli({"import", decoy.seal(work.path(), own).string()}).exit_code == 0);
  const std::string real_case = genuine.cases[0], decoy_case = own.cases[0];
  // case show's banner for a case the owner's notice withdrew.
  auto withdrawn = [&lawyer](const std::string& id) {
    return lawyer.cli({"case", "show", id}).out.find("WITHDRAWN") != std::string::npos;
  };

  const std::string notice_id = bundle::random_uuid4();  // the owner's, seen by the co-recipient
  const auto first = lawyer.cli(
      {"import", decoy.seal(work.path(), notices_bundle(me, decoy_case,
                                                        {hand_notice(notice_id, "withdrawal", decoy_case,
                                                                     decoy.key_line)}))
                     .string()});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(withdrawn(decoy_case));
  REQUIRE_FALSE(withdrawn(real_case));

  const auto owners = lawyer.cli(
      {"import", real.seal(work.path(), notices_bundle(me, real_case,
                                                       {hand_notice(notice_id, "withdrawal", real_case,
                                                                    real.key_line)}))
                     .string()});
  INFO(owners.out << owners.err);
  REQUIRE(owners.exit_code == 0);
  CHECK(owners.out.find("already applied") == std::string::npos);
  CHECK(withdrawn(real_case));

  // The owner's notice again (in another bundle) is skipped now.
  const auto again = lawyer.cli(
      {"import", real.seal(work.path(), notices_bundle(me, real_case,
                                                       {hand_notice(notice_id, "withdrawal", real_case,
                                                                    real.key_line)}))
                     .string()});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("already applied, skipped") != std::string::npos);
}
