// Every failure class has its exit code and one line on stderr that names
// the problem without content or passphrase (docs/cli.md "Exit codes").
#include <catch2/catch_test_macros.hpp>

#include "cli_fixture.hpp"
#include "vault_test_support.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUnknownId = "0b0e8a4c-3f7d-4e2a-9c1b-5d6e7f8a9b0c";

// One line, prefixed, with no trace of the passphrase.
void check_one_line_error(const CliResult& r) {
  INFO("stderr: " << r.err);
  CHECK(r.err.rfind("safehold-cli: error: ", 0) == 0);
  CHECK(r.err.find('\n') == r.err.size() - 1);
  CHECK(r.err.find(kPassphrase) == std::string::npos);
}

}  // namespace

TEST_CASE("cli exit codes: 3 for a wrong passphrase, nothing changed", "[cli][exit]") {
  CliVault v;
  write_text(v.dir / "wrong", "not the passphrase\n");
  const auto before = read_file(v.folder / "vault.key");
  const auto r = run_cli({"--vault", v.folder.string(), "--passphrase-file", (v.dir / "wrong").string(), "case", "list"});
  CHECK(r.exit_code == 3);
  check_one_line_error(r);
  CHECK(r.err.find("not the passphrase") == std::string::npos);
  CHECK(read_file(v.folder / "vault.key") == before);
  // The passphrase file keeps exactly one trailing newline out; a second one is part of the passphrase.
  write_text(v.dir / "two-newlines", std::string(kPassphrase) + "\n\n");
  CHECK(run_cli({"--vault", v.folder.string(), "--passphrase-file", (v.dir / "two-newlines").string(), "case", "list"})
            .exit_code == 3);
  CHECK(v.cli({"case", "list"}).exit_code == 0);
}

TEST_CASE("cli exit codes: 1 for a truncated key file and a damaged database", "[cli][exit]") {
  CliVault v;
  const auto key = read_file(v.folder / "vault.key");
  SECTION("truncated key file") {
    write_file(v.folder / "vault.key", std::span(key).first(key.size() / 2));
    const auto r = v.cli({"case", "list"});
    CHECK(r.exit_code == 1);
    check_one_line_error(r);
  }
  SECTION("empty key file") {
    write_file(v.folder / "vault.key", {});
    CHECK(v.cli({"case", "list"}).exit_code == 1);
  }
  SECTION("first database page damaged") {
    auto db = read_file(v.folder / "vault.db");
    REQUIRE(db.size() > 4096);
    db[100] ^= 0x40;
    write_file(v.folder / "vault.db", db);
    const auto r = v.cli({"case", "list"});
    CHECK(r.exit_code == 1);
    check_one_line_error(r);
  }
  SECTION("a later database page damaged: check finds it") {
    v.case_with_consent();
    auto db = read_file(v.folder / "vault.db");
    REQUIRE(db.size() >= 3 * 4096);
    db[db.size() - 4096 + 300] ^= 0x01;
    write_file(v.folder / "vault.db", db);
    const auto r = v.cli({"check"});
    CHECK(r.exit_code == 1);
    check_one_line_error(r);
  }
}

TEST_CASE("cli exit codes: 1 and the first broken entry when the audit chain is broken", "[cli][exit]") {
  CliVault v;
  v.case_with_consent();
  {
    RawDb raw(v.folder, kPassphrase);
    raw.exec("UPDATE audit_log SET counterparty = 'someone-else' WHERE seq = 2");
  }
  const auto r = v.cli({"audit", "verify"});
  CHECK(r.exit_code == 1);
  check_one_line_error(r);
  CHECK(r.err.find("entry 2") != std::string::npos);
  CHECK(v.cli({"check"}).exit_code == 1);
}

TEST_CASE("cli exit codes: 2 for usage errors, before the vault is touched", "[cli][exit]") {
  CliVault v;
  const auto before = read_file(v.folder / "vault.db");
  const std::vector<std::vector<std::string>> misuse = {
      {},
      {"frobnicate"},
      {"case"},
      {"case", "new", "--no-such-flag"},
      {"record", "show", "not-an-id"},
      {"record", "show", "0B0E8A4C-3F7D-4E2A-9C1B-5D6E7F8A9B0C"},  // uppercase: not the canonical form
      {"case", "show", "SH-20-1"},
      {"incident", "add", kUnknownId, "--narrative", "x"},  // --tactic missing
      {"attachment", "get", kUnknownId},                    // -o missing
      {"consent", "record", kUnknownId, "--method", "telepathy", "--scope", "all=yes"},
      {"consent", "record", kUnknownId, "--method", "written", "--scope", "all=perhaps"},
      {"vocab", "list", "tactic", "--lang", "fr"},
      {"case", "delete", kUnknownId},  // --yes missing
      {"audit", "show", "--limit", "0"},
  };
  for (const auto& args : misuse) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO("args: " << shown);
    const auto r = v.cli(args);
    CHECK(r.exit_code == 2);
    check_one_line_error(r);
  }
  CHECK(read_file(v.folder / "vault.db") == before);

  SECTION("an invalid field value is refused by the schema") {
    const auto case_id = v.case_with_consent();
    const auto r = v.cli({"incident", "add", case_id, "--tactic", "Z9"});
    CHECK(r.exit_code == 2);
    check_one_line_error(r);
    CHECK(v.cli({"record", "add", "--entity", "person", "--case", case_id, "--field", "roles=interviewee"}).exit_code == 2);
    CHECK(v.cli({"record", "add", "--entity", "nonsense", "--case", case_id}).exit_code == 2);
  }
  SECTION("passphrases: empty file, no terminal") {
    write_text(v.dir / "empty", "\n");
    CHECK(run_cli({"--vault", v.folder.string(), "--passphrase-file", (v.dir / "empty").string(), "case", "list"})
              .exit_code == 2);
    // The test runs the CLI without a controlling terminal: it cannot prompt.
    const auto r = run_cli({"--vault", v.folder.string(), "case", "list"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--passphrase-file") != std::string::npos);
  }
}

TEST_CASE("cli exit codes: 4 when consent is missing, and nothing is stored", "[cli][exit]") {
  CliVault v;
  const auto case_id = v.ok({"case", "new", "--title", "No consent yet"});
  write_text(v.dir / "evidence.txt", "content");
  const auto r1 = v.cli({"incident", "add", case_id, "--tactic", "D1", "--narrative", "secret words"});
  CHECK(r1.exit_code == 4);
  check_one_line_error(r1);
  CHECK(r1.err.find("secret words") == std::string::npos);
  const auto r2 = v.cli({"attachment", "add", case_id, (v.dir / "evidence.txt").string()});
  CHECK(r2.exit_code == 4);
  CHECK(v.cli({"record", "list", "--case", case_id}).out.empty());
  CHECK(fs::is_empty(v.folder / "attachments"));
  // Consent that says no to storing the real identity refuses a legal name.
  v.ok({"consent", "record", case_id, "--method", "written", "--scope", "all=yes", "--scope",
        "store_real_identity=no"});
  const auto r3 = v.cli({"record", "add", "--entity", "person", "--case", case_id, "--field", "pseudonym=P",
                         "--field", "exact_address=Somewhere 1"});
  CHECK(r3.exit_code == 4);
  CHECK(r3.err.find("store_real_identity") != std::string::npos);
}

TEST_CASE("cli exit codes: 5 for unknown ids and a missing vault", "[cli][exit]") {
  CliVault v;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"record", "show", kUnknownId},
           {"case", "show", kUnknownId},
           {"case", "show", "SH-2099-9999"},
           {"attachment", "get", kUnknownId, "-o", (v.dir / "out").string()},
           {"incident", "add", kUnknownId, "--tactic", "D1"},
           {"attachment", "add", kUnknownId, (v.dir / "no-such-file").string()},
           {"vocab", "list", "no_such_vocabulary"}}) {
    INFO("args: " << args[0] << " " << args[1]);
    const auto r = v.cli(args);
    CHECK(r.exit_code == 5);
    check_one_line_error(r);
  }
  CHECK_FALSE(fs::exists(v.dir / "out"));
  const auto r = run_cli({"--vault", (v.dir / "nowhere").string(), "--passphrase-file", v.pass_file.string(), "case", "list"});
  CHECK(r.exit_code == 5);
  CHECK_FALSE(fs::exists(v.dir / "nowhere"));
}

TEST_CASE("cli exit codes: 7 for an existing destination or a vault in use", "[cli][exit]") {
  CliVault v;
  const auto r = v.cli({"init", "--name", "Someone"});
  CHECK(r.exit_code == 7);
  check_one_line_error(r);
  {
    auto held = safehold::storage::Vault::unlock(v.folder, safehold::crypto::SecretBuffer::copy_of(kPassphrase));
    REQUIRE(held);
    CHECK(v.cli({"case", "list"}).exit_code == 7);
  }
  CHECK(v.cli({"case", "list"}).exit_code == 0);
}
