// Sealed bundles between the real safehold-cli and Debian's stock age, tar,
// minisign and sha256sum, following schema/bundle-v1.md as written (the
// recipes are read from the spec): a bundle exported from a real vault opens
// by hand (section 9), and a bundle assembled by hand (sections 10 and 11)
// imports into a real vault, byte for byte. The format-level equivalents over
// BundleWriter/BundleReader are in tests/core/bundle_interop.tests.cpp.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "stock_recipes.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& p) {
  const auto bytes = read_file(p);
  return {bytes.begin(), bytes.end()};
}

// A member of `identity show --json`.
std::string identity_field(const CliVault& v, const char* name) {
  const auto r = v.cli({"identity", "show", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out).at(name).get<std::string>();
}

// Pseudo-random bytes, not a multiple of age's 64 KiB chunk.
std::string attachment_bytes(std::size_t n, std::uint32_t seed) {
  const auto bytes = pseudo_random_bytes(n, seed);
  return {bytes.begin(), bytes.end()};
}

}  // namespace

TEST_CASE("exchange interop: a bundle exported by safehold-cli opens by hand with stock tools (bundle-v1.md 9)",
          "[exchange][interop][cli]") {
  CliVault worker, ngo, outsider;
  TempDir dir;
  // The NGO hands its card over; the caseworker adds and verifies it.
  ngo.ok({"identity", "export-card", "-o", (dir / "ngo.card").string()});
  const std::string ngo_contact = worker.ok({"contact", "add", "--card", (dir / "ngo.card").string(), "--kind", "ngo"});
  worker.ok({"contact", "verify", ngo_contact, "--method", "in-person"});

  const std::string case_id = worker.case_with_consent("Handover to the NGO");
  const std::string incident =
      worker.ok({"incident", "add", case_id, "--tactic", "D1", "--narrative", "警察约谈了他的父亲"});
  const std::string original = attachment_bytes((1 << 20) + 3, 11);
  write_text(dir / "summons.jpg", original);
  worker.ok({"attachment", "add", case_id, (dir / "summons.jpg").string(), "--kind", "photograph"});
  const auto evidence = nlohmann::json::parse(worker.cli({"attachment", "list", case_id, "--json"}).out);
  REQUIRE(evidence.size() == 1);
  const std::string evidence_id = evidence[0].at("evidence_id").get<std::string>();

  const std::string bundle_id =
      worker.ok({"export", "--case", case_id, "--to", ngo_contact, "-o", (dir / "bundle.age").string()});
  ngo.ok({"identity", "export-age-key", "-o", (dir / "key.txt").string()});
  const std::string sender_key = identity_field(worker, "minisign_public_key");

  const std::string recipe = spec_block("## 9.");
  const auto [rc, out] = run_script(dir.path(), recipe, "SENDER_KEY='" + sender_key + "'");
  INFO(out);
  REQUIRE(rc == 0);

  // What the recipe printed is what the careful person checks by eye.
  CHECK(count_of(out, "Trusted comment: safehold-bundle v1 id=" + bundle_id + " recipients=") == 1);
  CHECK(count_of(out, "\"bundle_id\": \"" + bundle_id + "\"") == 1);
  CHECK(count_of(out, "\n1\n") == 1);  // the NGO's recipient is listed once
  const auto sums = text_of(dir / "b" / "SHA256SUMS");
  CHECK(count_of(out, ": OK\n") == count_of(sums, "\n"));
  CHECK(count_of(out, "-rw-r--r--") == count_of(sums, "\n") + 2);
  // The contents are the vault's: the attachment byte for byte, and each
  // record exactly as `record show --json` prints it in the sender's vault,
  // plus its owner, revision and withheld fields (format version 2).
  CHECK(text_of(dir / "b" / "attachments" / evidence_id) == original);
  const fs::path records = dir / "b" / "cases" / case_id;
  for (const auto& id : {case_id, incident, evidence_id}) {
    INFO(id);
    auto file = nlohmann::json::parse(text_of(records / (id + ".json")));
    CHECK(file["revision"]["n"].is_number_unsigned());
    CHECK(file["withheld"].is_array());
    CHECK(file["owner"].get<std::string>().size() == 56);
    for (const char* member : {"owner", "revision", "withheld"}) file.erase(member);
    CHECK(file.dump(2, ' ', false) + "\n" == worker.cli({"record", "show", id, "--json"}).out);
  }

  // The same recipe refuses a signer key that was not the sender's, and a
  // reader to whom the bundle was not addressed.
  fs::remove_all(dir / "b");
  const auto [rc_key, out_key] =
      run_script(dir.path(), recipe, "SENDER_KEY='" + identity_field(outsider, "minisign_public_key") + "'");
  CHECK(rc_key != 0);
  CHECK(count_of(out_key, ": OK\n") == 0);
  fs::remove_all(dir / "b");
  fs::remove(dir / "key.txt");
  fs::remove(dir / "b.tar");
  outsider.ok({"identity", "export-age-key", "-o", (dir / "key.txt").string()});
  const auto [rc_who, out_who] = run_script(dir.path(), recipe, "SENDER_KEY='" + sender_key + "'");
  CHECK(rc_who != 0);
  CHECK_FALSE(fs::exists(dir / "b"));
}

namespace {

// The three records of a hand-made case, in the canonical encoding of
// bundle-v1.md 11.1 (written out literally, as a person would).
struct HandCase {
  std::string case_id = bundle::random_uuid4();
  std::string consent_id = bundle::random_uuid4();
  std::string evidence_id = bundle::random_uuid4();

  std::string case_record() const {
    return "{\n"
           "  \"created_at\": \"2026-11-28T18:00:00Z\",\n"
           "  \"entity\": \"case\",\n"
           "  \"fields\": {\n"
           "    \"reference\": \"ST-2026-0007\",\n"
           "    \"title\": \"Assembled with stock tools 手工\"\n"
           "  },\n"
           "  \"id\": \"" + case_id + "\",\n"
           "  \"updated_at\": \"2026-11-28T18:00:00Z\"\n"
           "}\n";
  }
  std::string consent_record() const {
    return "{\n"
           "  \"case_id\": \"" + case_id + "\",\n"
           "  \"created_at\": \"2026-11-28T18:01:00Z\",\n"
           "  \"entity\": \"consent\",\n"
           "  \"fields\": {\n"
           "    \"given_at\": \"2026-11-28T18:01:00Z\",\n"
           "    \"method\": \"written\",\n"
           "    \"scopes\": {\n"
           "      \"share_named_ngos\": \"yes\"\n"
           "    }\n"
           "  },\n"
           "  \"id\": \"" + consent_id + "\",\n"
           "  \"updated_at\": \"2026-11-28T18:01:00Z\"\n"
           "}\n";
  }
  std::string evidence_record(const std::string& sha256, std::size_t size) const {
    return "{\n"
           "  \"case_id\": \"" + case_id + "\",\n"
           "  \"created_at\": \"2026-11-28T18:02:00Z\",\n"
           "  \"entity\": \"evidence_item\",\n"
           "  \"fields\": {\n"
           "    \"kind\": \"photograph\",\n"
           "    \"sha256\": \"" + sha256 + "\",\n"
           "    \"size\": " + std::to_string(size) + "\n"
           "  },\n"
           "  \"id\": \"" + evidence_id + "\",\n"
           "  \"updated_at\": \"2026-11-28T18:02:00Z\"\n"
           "}\n";
  }
};

}  // namespace

TEST_CASE("exchange interop: a bundle assembled with stock tools imports with safehold-cli (bundle-v1.md 10, 11)",
          "[exchange][interop][cli]") {
  CliVault ngo;
  TempDir dir;
  const fs::path stage = dir / "stage";
  fs::create_directories(stage);
  auto sh = [&](const std::string& cmd) { REQUIRE(run("cd " + quote(stage) + " && " + cmd) == 0); };
  // The stock sender's keys, and the NGO's contact for them, verified.
  sh("age-keygen -o sender-age.txt 2>/dev/null && minisign -G -W -p sender.pub -s sender.key >/dev/null");
  const std::string sender_age = trimmed(run_output("age-keygen -y " + quote(stage / "sender-age.txt")));
  const std::string sender_key = trimmed(run_output("sed -n 2p " + quote(stage / "sender.pub")));
  const std::string contact =
      ngo.ok({"contact", "add", "--name", "Stock Sender", "--age", sender_age, "--minisign", sender_key, "--kind", "ngo"});
  ngo.ok({"contact", "verify", contact, "--method", "call"});

  // Files: three records, an attachment named by its evidence item, an audit excerpt.
  const HandCase c;
  const std::string attachment = attachment_bytes((1 << 20) + 77, 23);
  fs::create_directories(stage / "cases" / c.case_id);
  fs::create_directories(stage / "attachments");
  fs::create_directories(stage / "audit" / c.case_id);
  write_text(stage / "attachments" / c.evidence_id, attachment);
  const std::string sha = trimmed(run_output("sha256sum " + quote(stage / "attachments" / c.evidence_id) + " | cut -c1-64"));
  const fs::path records = stage / "cases" / c.case_id;
  write_text(records / (c.case_id + ".json"), c.case_record());
  write_text(records / (c.consent_id + ".json"), c.consent_record());
  write_text(records / (c.evidence_id + ".json"), c.evidence_record(sha, attachment.size()));
  // A 64-byte name: its 107-byte path makes GNU tar add a pax `path` record (bundle-v1.md 3.1).
  const std::string audit_name = "handover-notes-" + std::string(45, 'x') + ".txt";
  write_text(stage / "audit" / c.case_id / audit_name, "handed over in person\n");

  const std::string me = identity_field(ngo, "age_recipient");
  const std::string bundle_id = bundle::random_uuid4();
  sh("bundle_id=" + bundle_id + " created=2026-11-28T18:05:00Z app_version=stock-1 name='Stock Sender' "
     "sender_pub=sender.pub sender_age=" + sender_age + " recipients=" + me + " cases=" + c.case_id + " " +
     quote(fs::path(SAFEHOLD_SOURCE_DIR) / "tests/core/stock_tools/write_manifest.sh"));
  const auto [rc, out] = run_script(stage, spec_block("## 10."), "bundle_id=" + bundle_id + " recipients='" + me + "'");
  INFO(out);
  REQUIRE(rc == 0);
  CHECK(count_of(text_of(stage / "b.tar"), "/PaxHeaders/") == 1);  // the long audit path only

  const auto imported = ngo.cli({"import", (stage / "bundle.age").string()});
  INFO("stderr: " << imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(first_line(imported.out) == bundle_id);
  CHECK(count_of(imported.err, "from Stock Sender: 1 case, 3 records written") == 1);

  // The records are the vault's now, byte for byte; the attachment decrypts to
  // the same bytes; the audit trail holds.
  for (const auto& [id, text] : {std::pair{c.case_id, c.case_record()}, std::pair{c.consent_id, c.consent_record()},
                                 std::pair{c.evidence_id, c.evidence_record(sha, attachment.size())}}) {
    INFO(id);
    CHECK(ngo.cli({"record", "show", id, "--json"}).out == text);
  }
  const auto list = nlohmann::json::parse(ngo.cli({"attachment", "list", c.case_id, "--json"}).out);
  REQUIRE(list.size() == 1);
  CHECK(list[0].at("evidence_id") == c.evidence_id);
  CHECK(list[0].at("sha256") == sha);
  const fs::path back = dir / "back.bin";
  ngo.ok({"attachment", "get", list[0].at("id").get<std::string>(), "-o", back.string()});
  CHECK(text_of(back) == attachment);
  ngo.ok({"audit", "verify"});
  const auto report = nlohmann::json::parse(ngo.cli({"verify", (stage / "bundle.age").string(), "--json"}).out);
  CHECK(report.at("audit_excerpts") == 1);
  CHECK(report.at("already_imported") == true);
}
