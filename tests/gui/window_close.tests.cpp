// Closing the window while a long piece of work runs: main.cpp ends the
// loop, locks the app and destroys the AppModel. Work that can be cancelled
// stops as its Cancel button stops it (quickly, leaving nothing), instead of
// the closed window waiting for it to finish.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "folder_snapshot.hpp"  // names_in
#include "large_attachment.hpp"
#include "safehold/storage/backup.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// What the window's close does to the model (main.cpp, after its loop).
double close_app_ms(std::unique_ptr<appmodel::AppModel>& app) {
  const auto t0 = Clock::now();
  app->lock();
  app.reset();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Polls `done` every 2 ms for up to 30 s.
template <class F>
bool wait_until(F done) {
  const auto end = Clock::now() + std::chrono::seconds(30);
  while (!done()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace

TEST_CASE("Closing the window during a restore cancels it: nothing left, no waiting for the end",
          "[gui][restore][close]") {
  test::VaultFixture f;  // its own AppModel stays idle; the window's is made here
  const fs::path file = f.dir.path() / "before-travel.shbackup";
  {
    storage::Vault v = f.open();
    test::seed_with_large_attachment(v, 1, 48ULL << 20);
    REQUIRE(storage::write_backup(f.folder(),
                                  crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase)), file));
  }
  const fs::path target = f.dir.path() / "new-vault";
  auto app = std::make_unique<appmodel::AppModel>(f.opener);
  app->start.mode = appmodel::StartModel::Mode::restore;
  app->start.backup_file = file.string();
  app->start.folder = target.string();
  app->start.passphrase.assign(test::kTestPassphrase);
  REQUIRE(app->start.submit());
  // Past Argon2id: the backup's bytes are being read and staged.
  REQUIRE(wait_until([&] { return app->start.restore_progress() > 0.0f || !app->start.busy(); }));
  REQUIRE(app->start.busy());

  const double ms = close_app_ms(app);
  std::printf("window close during a 48 MiB restore: %.0f ms\n", ms);
  // No vault, no staging folder beside it: as after Cancel.
  CHECK_FALSE(fs::exists(target));
  CHECK(test::names_in(f.dir.path()) == std::vector<std::string>{"before-travel.shbackup", "vault"});
}

TEST_CASE("Closing the window during a backup cancels it: no backup file, no temporary",
          "[gui][backup][close]") {
  test::VaultFixture f;
  {
    storage::Vault v = f.open();
    test::seed_with_large_attachment(v, 1, 48ULL << 20);
  }
  auto app = std::make_unique<appmodel::AppModel>(f.opener);
  app->start.folder = f.folder().string();
  app->start.passphrase.assign(test::kTestPassphrase);
  REQUIRE(app->start.submit());
  REQUIRE(wait_until([&] {
    app->tick(false);
    return app->unlocked() || !app->start.busy();
  }));
  REQUIRE(app->unlocked());

  const fs::path out = f.dir.path() / "stick";
  fs::create_directory(out);
  app->backup.folder = out;
  app->backup.passphrase.assign(test::kTestPassphrase);
  REQUIRE(app->backup.start_backup());
  REQUIRE(wait_until([&] { return app->backup.progress() > 0.0f || !app->backup.running(); }));
  REQUIRE(app->backup.running());

  const double ms = close_app_ms(app);
  std::printf("window close during a 48 MiB backup: %.0f ms\n", ms);
  CHECK(fs::is_empty(out));
  // The vault itself is as it was: it still opens.
  (void)f.open();
}
