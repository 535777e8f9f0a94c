// Regression (issue 10, finding 2): `verify` said OK where `import` then
// refused, because verify ran the format checks and some content checks but
// not what the vault checks when it writes (consent, references, scopes).
// Now verify stages the import in the vault's batch and rolls it back: for
// every refusal, verify and import fail with the same exit code, and a verify
// keeps nothing (no record, no attachment file, no audit entry).
#include <catch2/catch_test_macros.hpp>

#include "stock_sender.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

using nlohmann::json;

// A record in the canonical encoding of bundle-v1.md 11.1.
std::string record(const std::string& id, const std::string& entity, const std::string& case_id, json fields) {
  json r = {{"id", id},
            {"entity", entity},
            {"created_at", "2026-11-28T18:01:00Z"},
            {"updated_at", "2026-11-28T18:01:00Z"},
            {"fields", std::move(fields)}};
  if (!case_id.empty()) r["case_id"] = case_id;
  return r.dump(2, ' ', false) + "\n";
}

struct Content {
  StockSender::Bundle b;
  std::string case_id = bundle::random_uuid4();

  explicit Content(const std::string& me) {
    b.recipients = {me};
    b.cases = {case_id};
    add(case_id, "case", "", {{"reference", "VX-2026-0001"}, {"title", "Verify equals import"}});
  }
  void add(const std::string& id, const std::string& entity, const std::string& in_case, json fields) {
    b.files["cases/" + case_id + "/" + id + ".json"] = record(id, entity, in_case, std::move(fields));
  }
  std::string add_person(json roles, std::optional<std::string> legal_name = {}) {
    const std::string id = bundle::random_uuid4();
    json f = {{"roles", std::move(roles)}, {"pseudonym", "Nightingale"}};
    if (legal_name) f["legal_name"] = {{"pinyin", *legal_name}};
    add(id, "person", case_id, std::move(f));
    return id;
  }
  void add_consent(const std::string& person, const std::string& identity_answer) {
    add(bundle::random_uuid4(), "consent", case_id,
        {{"given_at", "2026-11-28T18:01:00Z"},
         {"method", "written"},
         {"person", person},
         {"scopes", {{"share_named_ngos", "yes"}, {"store_real_identity", identity_answer}}}});
  }
  void add_attachment(const std::string& bytes) {
    const std::string id = bundle::random_uuid4();
    add(id, "evidence_item", case_id,
        {{"kind", "photograph"}, {"sha256", to_hex(bundle::sha256_of(bytes))}, {"size", bytes.size()}});
    b.files["attachments/" + id] = bytes;
  }
};

std::size_t files_in(const fs::path& folder) {
  if (!fs::exists(folder)) return 0;
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

struct Hub {
  CliVault vault;
  TempDir work;
  StockSender sender;
  std::string me;

  Hub() {
    sender.add_verified_to(vault, "Partner NGO");
    me = identity_of(vault, "age_recipient");
  }
  std::string state() const {
    return vault.cli({"case", "list", "--json"}).out + vault.cli({"audit", "show", "--json"}).out +
           std::to_string(files_in(vault.folder / "attachments"));
  }
  // verify and import give the same exit code; neither changes the vault.
  void expect_same_refusal(const Content& c, int code) {
    const fs::path file = sender.seal(work.path(), c.b);
    const std::string before = state();
    const auto verified = vault.cli({"verify", file.string()});
    const auto imported = vault.cli({"import", file.string()});
    INFO("verify: " << verified.err << "import: " << imported.err);
    CHECK(imported.exit_code == code);
    CHECK(verified.exit_code == imported.exit_code);
    CHECK(verified.err == imported.err);
    CHECK(state() == before);
  }
};

}  // namespace

TEST_CASE("verify refuses what import refuses, with the same exit code", "[exchange][verify][regression]") {
  Hub hub;
  SECTION("a record that needs consent, and none in the bundle or vault (22)") {
    Content c(hub.me);
    c.add_person({"relative"});
    hub.expect_same_refusal(c, 22);
  }
  SECTION("a reference to a record that is nowhere (22)") {
    Content c(hub.me);
    c.add_consent(bundle::random_uuid4(), "no");
    hub.expect_same_refusal(c, 22);
  }
  SECTION("an identifying field whose consent scope is 'no' (22)") {
    Content c(hub.me);
    const std::string person = c.add_person({"interviewee"}, "Marker Legalname");
    c.add_consent(person, "no");
    hub.expect_same_refusal(c, 22);
  }
  SECTION("an attachment of an evidence item that needs consent (22); no attachment file stays") {
    Content c(hub.me);
    c.add_attachment(std::string(200000, 'a'));
    hub.expect_same_refusal(c, 22);
  }
  SECTION("a record whose id is another entity in the vault (21)") {
    const std::string own = hub.vault.ok({"case", "new", "--title", "Ours"});
    Content c(hub.me);
    c.add(own, "person", c.case_id, {{"roles", {"interviewee"}}, {"pseudonym", "Clash"}});
    hub.expect_same_refusal(c, 21);
  }
}

// Since format 2 (ownership), another sender's copy of the vault's own record
// is never applied and no longer refuses the bundle: verify and import agree
// on that too, and the vault's record stays as it was.
TEST_CASE("verify and import agree on a copy of the vault's own record: kept ours, not refused",
          "[exchange][verify][ownership]") {
  Hub hub;
  const std::string own = hub.vault.ok({"case", "new", "--title", "Ours"});
  Content c(hub.me);
  c.b.cases.push_back(own);
  c.b.files["cases/" + own + "/" + own + ".json"] =
      record(own, "case", "", {{"reference", "VX-2026-0002"}, {"title", "Not ours"}});
  const fs::path file = hub.sender.seal(hub.work.path(), c.b);
  const auto verified = hub.vault.cli({"verify", file.string()});
  const auto imported = hub.vault.cli({"import", file.string()});
  INFO("verify: " << verified.err << "import: " << imported.err);
  CHECK(verified.exit_code == 0);
  CHECK(imported.exit_code == 0);
  const std::string shown = hub.vault.cli({"case", "show", own, "--json"}).out;
  CHECK(shown.find("\"Ours\"") != std::string::npos);
  CHECK(shown.find("Not ours") == std::string::npos);
}

TEST_CASE("a verify that passes keeps nothing, and the import then passes", "[exchange][verify][regression]") {
  Hub hub;
  Content c(hub.me);
  const std::string person = c.add_person({"interviewee"}, "Marker Legalname");
  c.add_consent(person, "yes");
  c.add_attachment(std::string(300000, 'b'));
  const fs::path file = hub.sender.seal(hub.work.path(), c.b);
  const std::string before = hub.state();
  const auto verified = hub.vault.cli({"verify", file.string(), "--json"});
  INFO(verified.err);
  REQUIRE(verified.exit_code == 0);
  CHECK(hub.state() == before);
  CHECK(files_in(hub.vault.folder / "attachments") == 0);
  hub.vault.ok({"audit", "verify"});
  const auto imported = hub.vault.cli({"import", file.string()});
  INFO(imported.err);
  CHECK(imported.exit_code == 0);
  CHECK(files_in(hub.vault.folder / "attachments") == 1);
  // Verify of the bundle now imported: it says so, and still keeps nothing.
  const std::string after = hub.state();
  const auto again = hub.vault.cli({"verify", file.string(), "--json"});
  CHECK(again.exit_code == 0);
  CHECK(json::parse(again.out).at("already_imported") == true);
  CHECK(hub.state() == after);
}
