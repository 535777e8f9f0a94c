// The emergency wipe at model level, on a real vault on disk: it runs on a
// worker (the window keeps drawing, a 1 GiB vault takes over a second), the
// start screen's model is busy meanwhile, and tick() brings the outcome.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "test_util.hpp"

namespace {

using namespace safehold;
namespace fs = std::filesystem;

constexpr const char* kPass = "quiet harbour lantern seven";

crypto::SecretBuffer pass() { return crypto::SecretBuffer::copy_of(std::string_view(kPass)); }

// An app unlocked on a real vault holding two demo cases.
struct UnlockedApp {
  test::TempDir dir;
  fs::path folder = dir / "vault";
  appmodel::VaultOpener opener;
  appmodel::AppModel app{opener};

  UnlockedApp() {
    {
      auto v = storage::Vault::create(folder, pass(), {.owner_name = "t", .kdf = storage::KdfParams::insecure_for_tests()});
      REQUIRE(v);
      REQUIRE(appmodel::seed_demo_cases(*v, appmodel::DemoOptions{.cases = 2}));
    }
    app.start.folder = folder.string();
    app.start.passphrase.assign(kPass);
    REQUIRE(app.start.submit());
    for (int i = 0; i < 5000 && !app.unlocked(); ++i) {
      app.tick(false);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE(app.unlocked());
  }
  // The confirmation filled in: the word typed, the loss accepted.
  void confirm_wipe() {
    app.wipe.typed = appmodel::kWipeWord;
    app.wipe.accept_loss = true;
  }
};

// Ticks (as the window's frames do) until the start screen is idle.
void tick_until_idle(appmodel::AppModel& app) {
  for (int i = 0; i < 15000 && app.start.busy(); ++i) {
    app.tick(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  REQUIRE_FALSE(app.start.busy());
}

}  // namespace

TEST_CASE("The emergency wipe runs on a worker and lands on the start screen", "[gui][model][wipe][vault]") {
  UnlockedApp u;
  auto& app = u.app;
  const fs::path folder = u.folder;
  u.confirm_wipe();

  REQUIRE(app.wipe_vault());
  // Locked at once; the wipe itself is the start screen's worker, whose
  // outcome only the next tick collects (the UI thread never waited on it).
  CHECK_FALSE(app.unlocked());
  CHECK(app.screen() == appmodel::Screen::start);
  CHECK(app.start.wiping());
  CHECK(app.start.busy());
  CHECK_FALSE(app.last_wipe());
  CHECK_FALSE(app.start.submit());  // nothing is unlocked or created meanwhile

  tick_until_idle(app);
  REQUIRE(app.last_wipe());
  CHECK(app.last_wipe()->ok);
  CHECK(app.last_wipe()->files_removed > 0);
  CHECK(app.last_wipe()->error_key == nullptr);
  CHECK_FALSE(fs::exists(folder));
  CHECK(app.start.mode == appmodel::StartModel::Mode::create);
  CHECK_FALSE(storage::Vault::unlock(folder, pass()));
}

TEST_CASE("A refused wipe starts no worker and leaves the vault as it was", "[gui][model][wipe][vault]") {
  UnlockedApp u;
  auto& app = u.app;
  const fs::path folder = u.folder;

  SECTION("no verified backup, loss not accepted") {
    app.wipe.typed = appmodel::kWipeWord;
    CHECK(std::string_view(app.wipe.blocked_reason(false)) == "wipe.blocked.no_backup");
  }
  SECTION("the word not typed exactly") {
    app.wipe.accept_loss = true;
    app.wipe.typed = "wipe";
    CHECK(std::string_view(app.wipe.blocked_reason(false)) == "wipe.blocked.word");
  }
  CHECK_FALSE(app.wipe_vault());
  CHECK(app.unlocked());
  CHECK_FALSE(app.start.wiping());
  CHECK_FALSE(app.last_wipe());
  app.lock();
  auto v = storage::Vault::unlock(folder, pass());
  REQUIRE(v);
  auto cases = v->cases().list(storage::CaseQuery{});
  REQUIRE(cases);
  CHECK(cases->size() == 2);
}

TEST_CASE("A wipe storage refuses (no key file any more) says why on the start screen", "[gui][model][wipe][vault]") {
  UnlockedApp u;
  auto& app = u.app;
  const fs::path folder = u.folder;
  u.confirm_wipe();
  // Another program removed the key file while the vault was open.
  fs::remove(folder / "vault.key");
  REQUIRE(app.wipe_vault());
  tick_until_idle(app);
  REQUIRE(app.last_wipe());
  CHECK_FALSE(app.last_wipe()->ok);
  REQUIRE(app.last_wipe()->error_key != nullptr);
  CHECK(std::string_view(app.last_wipe()->error_key) == "backup.error.not_found");
}
