// Consent, attachments, audit, passwd and where the vault and passphrase
// come from.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "safehold/storage/key_file.hpp"

using namespace safehold::test;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("cli consent: record with scopes, show, withdraw", "[cli][consent]") {
  CliVault v;
  const auto case_id = v.ok({"case", "new", "--title", "Consent case"});
  CHECK(json::parse(v.cli({"consent", "show", case_id, "--json"}).out)["state"] == "none");
  const auto consent = v.ok({"consent", "record", case_id, "--method", "oral_recorded", "--scope", "all=no", "--scope",
                             "be_interviewed=yes", "--scope", "share-named-ngos=later", "--language", "cmn"});
  auto shown = json::parse(v.cli({"consent", "show", case_id, "--json"}).out);
  CHECK(shown["state"] == "given");
  CHECK(shown["scopes"]["be_interviewed"] == "yes");
  CHECK(shown["scopes"]["share_named_ngos"] == "later");
  CHECK(shown["scopes"]["audio_record"] == "no");
  REQUIRE(shown["records"].size() == 1);
  CHECK(shown["records"][0]["id"] == consent);
  CHECK(shown["records"][0]["fields"]["method"] == "oral_recorded");
  CHECK(shown["records"][0]["fields"]["language"] == "cmn");
  const auto text = v.cli({"consent", "show", case_id}).out;
  CHECK(text.find("consent: given") != std::string::npos);
  CHECK(text.find("  share_named_ngos: later") != std::string::npos);

  CHECK(v.cli({"consent", "withdraw", case_id, "--extent", "listed-scopes"}).exit_code == 2);  // which scopes?
  const auto withdrawn = v.cli({"consent", "withdraw", case_id, "--extent", "listed-scopes", "--scope", "be_interviewed"});
  INFO(withdrawn.err);
  CHECK(withdrawn.exit_code == 0);
  shown = json::parse(v.cli({"consent", "show", case_id, "--json"}).out);
  CHECK(shown["records"][0]["fields"]["withdrawal"]["extent"] == "listed_scopes");
  CHECK(shown["records"][0]["fields"]["withdrawal"]["scopes"] == json({"be_interviewed"}));
  v.ok({"consent", "withdraw", case_id});
  CHECK(json::parse(v.cli({"consent", "show", case_id, "--json"}).out)["state"] == "withdrawn");
}

TEST_CASE("cli attachment: list, get to stdout, delete; audited", "[cli][attachment]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const std::string content = "scan of a summons 传唤通知书\n";
  // "official document" is not a code or label: refused, and nothing is kept.
  CHECK(v.cli({"attachment", "add", case_id, "-", "--kind", "official document"}, content).exit_code == 2);
  const auto att2 = v.ok({"attachment", "add", case_id, "-", "--kind", "origin_state_document"}, content);
  const auto listed = json::parse(v.cli({"attachment", "list", case_id, "--json"}).out);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == att2);
  CHECK(listed[0]["size"] == content.size());
  CHECK(v.cli({"attachment", "get", att2, "-o", "-"}).out == content);
  const auto evidence = listed[0]["evidence_id"].get<std::string>();
  const auto item = json::parse(v.cli({"record", "show", evidence, "--json"}).out);
  CHECK(item["fields"]["sha256"] == listed[0]["sha256"]);
  CHECK(item["fields"]["kind"] == "origin_state_document");

  const auto trail = v.cli({"audit", "show", "--object", att2}).out;
  CHECK(trail.find("attachment_imported") != std::string::npos);
  CHECK(trail.find("attachment_read") != std::string::npos);
  CHECK(v.cli({"attachment", "delete", att2}).exit_code == 2);  // --yes missing
  v.ok({"attachment", "delete", att2, "--yes"});
  CHECK(v.cli({"attachment", "get", att2, "-o", "-"}).exit_code == 5);
  CHECK(json::parse(v.cli({"attachment", "list", case_id, "--json"}).out).empty());
  CHECK(v.cli({"audit", "show", "--case", case_id}).out.find("attachment_deleted") != std::string::npos);
  CHECK(v.cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("cli passwd: the new passphrase opens the vault, the old one no longer", "[cli][passwd]") {
  CliVault v;
  const auto case_id = v.ok({"case", "new", "--title", "Kept"});
  write_text(v.dir / "new", "a brand new passphrase\n");
  const auto r = v.cli({"--new-passphrase-file", (v.dir / "new").string(), "passwd"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(v.cli({"case", "list"}).exit_code == 3);
  const auto listed = run_cli({"--vault", v.folder.string(), "--passphrase-file", (v.dir / "new").string(), "case", "list"});
  CHECK(listed.exit_code == 0);
  CHECK(listed.out.find(case_id) != std::string::npos);
  // The CLI never keeps the test vault's cheap cost: passwd raised it to the real one.
  auto key = safehold::storage::parse_key_file(read_file(v.folder / "vault.key"));
  REQUIRE(key);
  CHECK(key->kdf == safehold::storage::KdfParams::interactive());
}

TEST_CASE("cli: vault from SAFEHOLD_VAULT or XDG_DATA_HOME; passphrase from stdin", "[cli][options]") {
  CliVault v;
  const auto pass = std::string(kPassphrase);
  // SAFEHOLD_VAULT, passphrase on stdin with CRLF.
  auto r = run_cli({"--passphrase-file", "-", "case", "new", "--title", "From env"}, pass + "\r\n",
                   {"SAFEHOLD_VAULT=" + v.folder.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // XDG_DATA_HOME/safehold, the old CLI default, is still used when a vault is there.
  fs::create_directories(v.dir / "xdg");
  fs::rename(v.folder, v.dir / "xdg" / "safehold");
  r = run_cli({"--passphrase-file", v.pass_file.string(), "case", "list"}, {},
              {"XDG_DATA_HOME=" + (v.dir / "xdg").string(), "HOME=/nonexistent"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("From env") != std::string::npos);
  // --vault wins over the environment.
  r = run_cli({"--vault", (v.dir / "xdg" / "safehold").string(), "--passphrase-file", v.pass_file.string(), "case",
               "list"},
              {}, {"SAFEHOLD_VAULT=/nonexistent"});
  CHECK(r.exit_code == 0);
  // Both passphrase files cannot be stdin.
  r = run_cli({"--vault", (v.dir / "xdg" / "safehold").string(), "--passphrase-file", "-", "--new-passphrase-file",
               "-", "passwd"},
              pass + "\n");
  CHECK(r.exit_code == 2);
}
