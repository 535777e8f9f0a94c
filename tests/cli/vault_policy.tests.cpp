// The vault policy the CLI shares with the desktop app
// (core/policy/*.hpp): the default folder in a fresh home, its private
// parents, and the same passphrase rule. Real Argon2id cost for each init.

#include <catch2/catch_test_macros.hpp>

#include "cli_fixture.hpp"
#include "safehold/core/policy/passphrase.hpp"
#include "safehold/core/policy/vault_folder.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

TEST_CASE("cli vault policy: a fresh home gets the shared default folder, made private", "[cli][policy]") {
  TempDir home;  // no .local, no share: nothing but the empty home
  write_text(home / "pass", "vivid kettle orbit saffron\n");
  const std::vector<std::string> env = {"HOME=" + home.path().string(), "XDG_DATA_HOME="};
  const auto r = run_cli({"--new-passphrase-file", (home / "pass").string(), "init", "--name", "Worker"}, {}, env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const fs::path vault = home / ".local/share/safehold/vault";
  CHECK(safehold::storage::Vault::exists_at(vault));
  for (const auto& p : {home / ".local", home / ".local/share", home / ".local/share/safehold", vault}) {
    INFO(p);
    CHECK(file_mode(p) == 0700u);
  }
  // The desktop app asks the same function for its default: it finds this vault.
  const std::string home_str = home.path().string();
  const auto gui_default = safehold::core::default_vault_folder([&](const char* name) -> const char* {
    return std::string_view(name) == "HOME" ? home_str.c_str() : nullptr;
  });
  CHECK(gui_default == vault);
  // And the CLI opens it with no --vault.
  CHECK(run_cli({"--passphrase-file", (home / "pass").string(), "case", "list"}, {}, env).exit_code == 0);
}

TEST_CASE("cli vault policy: a parent that is a file is named in the error", "[cli][policy]") {
  TempDir home;
  write_text(home / "pass", "vivid kettle orbit saffron\n");
  write_text(home / ".local", "not a folder");
  const auto r = run_cli({"--new-passphrase-file", (home / "pass").string(), "init", "--name", "Worker"}, {},
                         {"HOME=" + home.path().string(), "XDG_DATA_HOME="});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find((home / ".local").string() + ": is not a folder") != std::string::npos);
}

TEST_CASE("cli vault policy: a vault folder storage cannot make is named as a parent would be", "[cli][policy]") {
  // mkdir in /sys is refused (EPERM), even to root: the folder policy finds
  // the parent fine, storage's create fails; the one mapping in core names
  // the folder and the reason, as for a parent that cannot be made.
  TempDir dir;
  write_text(dir / "pass", "vivid kettle orbit saffron\n");
  const fs::path vault = fs::path("/sys") / ("safehold-test-" + dir.path().filename().string());
  const auto r = run_cli({"--vault", vault.string(), "--new-passphrase-file", (dir / "pass").string(), "init",
                          "--name", "Worker"});
  INFO(r.err);
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("cannot create the vault folder: " + vault.string() + ": permission denied") != std::string::npos);
  CHECK_FALSE(fs::exists(vault));
}

TEST_CASE("cli vault policy: init accepts exactly the passphrases the shared rule accepts", "[cli][policy]") {
  // The desktop app's forms ask the same core::check_new_passphrase (see
  // tests/gui/vault_policy.tests.cpp), so both accept the same set.
  const std::vector<std::string> samples = {"password", "correct horse", "vivid kettle orbit saffron",
                                            strong_passphrase_of_length(1024), strong_passphrase_of_length(1025)};
  for (const auto& pass : samples) {
    TempDir dir;
    write_text(dir / "pass", pass + "\n");
    const auto r = run_cli({"--vault", (dir / "vault").string(), "--new-passphrase-file", (dir / "pass").string(),
                            "init", "--name", "Worker"});
    const bool accepted = safehold::core::check_new_passphrase(pass) == safehold::core::NewPassphraseProblem::none;
    INFO("passphrase of " << pass.size() << " bytes: " << r.err);
    CHECK(r.exit_code == (accepted ? 0 : 2));
    CHECK(safehold::storage::Vault::exists_at(dir / "vault") == accepted);
  }
}
