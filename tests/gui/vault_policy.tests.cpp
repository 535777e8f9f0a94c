// The desktop app's side of the shared vault policy (core/policy/*.hpp):
// first run in a fresh home creates the vault at the default folder with
// private parents, and the forms accept exactly the passphrases the CLI
// accepts (tests/cli/vault_policy.tests.cpp runs the same samples).

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "home_at.hpp"
#include "safehold/appmodel/passphrase_change.hpp"
#include "safehold/appmodel/start_model.hpp"
#include "safehold/core/policy/vault_folder.hpp"
#include "test_util.hpp"

using namespace safehold;
using safehold::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Unsets a variable for the test's duration.
struct Unset {
  std::string name, old;
  bool had = false;
  explicit Unset(std::string n) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) {
      had = true;
      old = v;
    }
    unsetenv(name.c_str());
  }
  ~Unset() {
    if (had) setenv(name.c_str(), old.c_str(), 1);
  }
};

std::optional<storage::Vault> wait_for(appmodel::StartModel& m) {
  for (int i = 0; i < 2000 && m.busy(); ++i) {
    if (auto v = m.poll()) return v;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return m.poll();
}

void fill_create_form(appmodel::StartModel& m, const std::string& pass) {
  m.mode = appmodel::StartModel::Mode::create;
  m.owner_name = "Worker";
  m.passphrase.assign(pass);
  m.repeat.assign(pass);
  m.loss_acknowledged = true;
  m.passphrase_edited();
}

}  // namespace

TEST_CASE("vault policy (app): first run in a fresh home creates the vault at the default folder",
          "[gui][policy]") {
  TempDir home;
  test::HomeAt at(home.path());
  Unset xdg("XDG_DATA_HOME"), chosen("SAFEHOLD_VAULT");
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  appmodel::StartModel m(opener);
  m.folder = core::default_vault_folder().string();  // what main.cpp does
  const fs::path vault = home / ".local/share/safehold/vault";
  CHECK(fs::path(m.folder) == vault);
  fill_create_form(m, "vivid kettle orbit saffron");
  REQUIRE(m.blocked_reason() == nullptr);
  REQUIRE(m.submit());
  auto session = wait_for(m);
  INFO((m.error_key() ? m.error_key() : "") << " " << m.error_detail());
  REQUIRE(session);
  CHECK(storage::Vault::exists_at(vault));
  for (const auto& p : {home / ".local", home / ".local/share", home / ".local/share/safehold", vault}) {
    INFO(p);
    CHECK(test::file_mode(p) == 0700u);
  }
}

TEST_CASE("vault policy (app): SAFEHOLD_VAULT is the app's default too", "[gui][policy]") {
  TempDir dir;
  setenv("SAFEHOLD_VAULT", (dir / "chosen").c_str(), 1);
  CHECK(core::default_vault_folder() == dir / "chosen");
  unsetenv("SAFEHOLD_VAULT");
}

TEST_CASE("vault policy (app): a folder that cannot be made is named with the reason", "[gui][policy]") {
  TempDir dir;
  test::write_file(dir / "file", std::vector<std::uint8_t>{'x'});
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  appmodel::StartModel m(opener);
  m.folder = (dir / "file/sub/vault").string();
  fill_create_form(m, "vivid kettle orbit saffron");
  REQUIRE(m.submit());
  CHECK_FALSE(wait_for(m));
  REQUIRE(m.error_key() != nullptr);
  CHECK(std::string(m.error_key()) == "start.error.folder");
  CHECK(m.error_detail() == (dir / "file").string() + ": is not a folder");
}

TEST_CASE("vault policy (app): the forms accept exactly the passphrases the shared rule accepts",
          "[gui][policy]") {
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  for (const auto& pass : {std::string("password"), std::string("correct horse"),
                           std::string("vivid kettle orbit saffron"), test::strong_passphrase_of_length(1024),
                           test::strong_passphrase_of_length(1025)}) {
    INFO("passphrase of " << pass.size() << " bytes");
    const bool shared = core::check_new_passphrase(pass) == core::NewPassphraseProblem::none;
    appmodel::StartModel m(opener);
    m.folder = "/nonexistent/vault";
    fill_create_form(m, pass);
    // The field holds the whole passphrase (ImGui cannot type past its
    // capacity) and the form lets it through.
    const bool start_accepts = m.passphrase.view() == pass && m.blocked_reason() == nullptr;
    CHECK(start_accepts == shared);
    appmodel::Session locked;  // the form is checked before any vault is used
    appmodel::PassphraseChange change(locked);
    change.current.assign("the old passphrase");
    change.next.assign(pass);
    change.repeat.assign(pass);
    change.next_edited();
    const bool change_accepts = change.next.view() == pass && change.blocked_reason() == nullptr;
    CHECK(change_accepts == shared);
  }
}
