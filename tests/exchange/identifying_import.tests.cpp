// Regression (issue 10, finding 1): a bundle whose interviewee has a legal
// name (consent store_real_identity = yes, exported with
// --include-identifying) passed verify and then failed import with exit 22,
// because the importer wrote the person before the consent that allows it.
#include <catch2/catch_test_macros.hpp>

#include "stock_sender.hpp"

using namespace safehold::test;

TEST_CASE("exchange: identifying fields import together with the consent that allows them",
          "[exchange][cli][regression]") {
  CliVault worker, lawyer;
  TempDir dir;
  const std::string marker = "Marker Legalname Qzxvwy";
  // Each holds the other as a verified contact (cards exchanged in person).
  lawyer.ok({"identity", "export-card", "-o", (dir / "lawyer.card").string()});
  worker.ok({"identity", "export-card", "-o", (dir / "worker.card").string()});
  const std::string to = worker.ok({"contact", "add", "--card", (dir / "lawyer.card").string(), "--kind", "lawyer"});
  worker.ok({"contact", "verify", to, "--method", "in-person"});
  const std::string from = lawyer.ok({"contact", "add", "--card", (dir / "worker.card").string(), "--kind", "ngo"});
  lawyer.ok({"contact", "verify", from, "--method", "in-person"});

  // The caseworker's case: the interviewee, consent (all scopes yes), then the legal name.
  const std::string case_id = worker.ok({"case", "new", "--title", "Identity shared with the lawyer"});
  const std::string person = worker.ok({"record", "add", "--entity", "person", "--case", case_id, "--field",
                                        "roles=interviewee", "--field", "pseudonym=Nightingale"});
  worker.ok({"consent", "record", case_id, "--method", "written", "--person", person, "--scope", "all=yes", "--disclosure", "named"});
  worker.ok({"record", "edit", person, "--field", "legal_name.pinyin=" + marker});

  const auto file = dir / "identity.age";
  worker.ok({"export", "--case", case_id, "--to", to, "--include-identifying", "-o", file.string()});
  const auto verified = lawyer.cli({"verify", file.string()});
  INFO("verify: " << verified.err);
  CHECK(verified.exit_code == 0);
  const auto imported = lawyer.cli({"import", file.string()});
  INFO("import: " << imported.err);
  REQUIRE(imported.exit_code == 0);
  const auto shown = lawyer.cli({"record", "show", person, "--json"});
  REQUIRE(shown.exit_code == 0);
  CHECK(nlohmann::json::parse(shown.out).at("fields").at("legal_name").at("pinyin") == marker);
  CHECK(shown.out == worker.cli({"record", "show", person, "--json"}).out);
  lawyer.ok({"audit", "verify"});
}
