// Settings → Backup, the reminder, the emergency wipe and the
// before-you-travel flow, driven through the real UI on a real vault: a
// real backup file, a real verify, a real wipe.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "folder_snapshot.hpp"  // names_in
#include "headless_ui.hpp"
#include "large_attachment.hpp"
#include "safehold/appmodel/backup_reminder.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/storage/backup.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
namespace fs = std::filesystem;

namespace {

crypto::SecretBuffer pass(std::string_view p = test::kTestPassphrase) { return crypto::SecretBuffer::copy_of(p); }

std::string utc_days_ago(int days) {
  const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Chooses `folder` in the backup's file browser by typing its path.
void choose_backup_folder(test::HeadlessUi& ui, const fs::path& folder) {
  ui.Click("backup.folder.choose");
  ui.Frames(2);  // the cursor is in the path box
  ui.Type(folder.string());
  ui.Press(ImGuiKey_Enter);
  ui.Click("files.choose");
}

// Unlocked, on Settings → Backup, the passphrase typed and a folder chosen.
void ready_backup(test::VaultFixture& f, test::HeadlessUi& ui, const fs::path& out,
                  std::string_view passphrase = test::kTestPassphrase) {
  ui.Click("nav.settings");
  ui.Click("settings.tab.backup");
  choose_backup_folder(ui, out);
  REQUIRE(f.app.backup.folder == out);
  ui.Click("backup.passphrase");
  ui.Type(passphrase);
}

}  // namespace

TEST_CASE("Backup from settings: a real file written and verified, recorded as the CLI records it",
          "[gui][headless][backup]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  // No verified backup yet: the reminder shows under the toolbar.
  REQUIRE(ui.Has("backup.reminder"));
  ui.Click("backup.reminder.now");
  CHECK(f.app.screen() == appmodel::Screen::settings);
  CHECK(ui.Has("backup.none"));
  CHECK_FALSE(ui.Has("backup.reminder"));

  const fs::path out = f.dir.path() / "stick";
  fs::create_directory(out);
  choose_backup_folder(ui, out);
  REQUIRE(f.app.backup.folder == out);
  ui.Click("backup.passphrase");
  ui.Type(test::kTestPassphrase);
  ui.Click("backup.start");
  REQUIRE(ui.FramesUntil([&] { return !f.app.backup.running(); }, 60));
  INFO(f.app.backup.error_detail());
  CHECK(f.app.backup.error_key() == nullptr);
  CHECK(f.app.backup.written());
  CHECK(f.app.backup.verified());
  CHECK(ui.Has("backup.done.verified"));
  CHECK(ui.Has("backup.last_verified"));
  CHECK(f.app.backup.verified_is_current());
  // The passphrase went to the worker; the field and ImGui hold none of it.
  CHECK(f.app.backup.passphrase.empty());
  CHECK_FALSE(test::imgui_memory_holds(test::kTestPassphrase));
  const fs::path file = out / f.app.backup.file_name;
  CHECK(test::names_in(out) == std::vector<std::string>{f.app.backup.file_name});  // no scratch left

  ui.Click("nav.lock");
  storage::Vault v = f.open();
  auto recorded = storage::last_verified_backup(v);
  REQUIRE(recorded);
  REQUIRE(recorded->has_value());
  auto checked = storage::verify_backup(file, pass());  // the library agrees the file is good
  REQUIRE(checked);
  CHECK((*recorded)->created_at == checked->created_at);
  CHECK((*recorded)->audit_seq == checked->audit_seq);
}

TEST_CASE("Backup with a wrong passphrase writes nothing; Cancel leaves no file", "[gui][headless][backup]") {
  test::VaultFixture f;
  {
    // A 96 MiB attachment makes the backup long enough to cancel.
    storage::Vault v = f.open();
    test::seed_with_large_attachment(v, 2, 96ULL << 20);
  }
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  const fs::path out = f.dir.path() / "stick";
  fs::create_directory(out);
  ready_backup(f, ui, out, "not the passphrase");
  ui.Click("backup.start");
  REQUIRE(ui.FramesUntil([&] { return !f.app.backup.running(); }, 60));
  REQUIRE(f.app.backup.error_key() != nullptr);
  CHECK(std::string_view(f.app.backup.error_key()) == "backup.error.wrong_passphrase");
  CHECK(ui.Has("backup.error"));
  CHECK(fs::is_empty(out));

  ui.Click("backup.passphrase");
  ui.Type(test::kTestPassphrase);
  ui.Click("backup.start");
  REQUIRE(f.app.backup.running());
  ui.Click("backup.cancel");
  REQUIRE(ui.FramesUntil([&] { return !f.app.backup.running(); }, 60));
  CHECK(f.app.backup.cancelled());
  CHECK_FALSE(f.app.backup.written());
  CHECK(ui.Has("backup.cancelled"));
  CHECK(fs::is_empty(out));  // no file under the final name, no temporary, no snapshot
  CHECK_FALSE(f.app.backup.last_verified());
}

TEST_CASE("The reminder shows when the last verified backup is 8 days old and the setting says 7",
          "[gui][headless][backup]") {
  test::VaultFixture f;
  {
    storage::Vault v = f.open();
    const nlohmann::json last{{"verified_at", utc_days_ago(8)}, {"created_at", utc_days_ago(8)}, {"audit_seq", 1}};
    REQUIRE(v.settings().put("backup.last_verified", last.dump()));
    REQUIRE(v.settings().put("ui.backup_reminder_days", "7"));
  }
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  CHECK(f.app.settings().backup_reminder_days == 7);
  REQUIRE(ui.Has("backup.reminder"));
  ui.Click("backup.reminder.dismiss");
  CHECK_FALSE(ui.Has("backup.reminder"));
  CHECK_FALSE(f.app.backup_reminder());

  // Set to 30 days: 8 days is recent enough, after the next unlock too.
  ui.Click("nav.settings");
  ui.Click("settings.tab.backup");
  ui.Click("backup.remind.30");
  CHECK(f.app.settings().backup_reminder_days == 30);
  ui.Click("nav.lock");
  f.unlock(ui);
  CHECK_FALSE(ui.Has("backup.reminder"));
  // Off: never, even without any backup.
  CHECK_FALSE(appmodel::backup_reminder_due(std::nullopt, 0, std::chrono::system_clock::now()));
  CHECK(appmodel::backup_reminder_due(std::nullopt, 7, std::chrono::system_clock::now()));
}

TEST_CASE("Wipe refuses without a current verified backup until the person chooses to lose the data",
          "[gui][headless][wipe]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  REQUIRE(appmodel::seed_demo_cases(f.app.session().vault(), appmodel::DemoOptions{.cases = 1}));
  ui.Click("nav.settings");
  ui.Click("settings.tab.backup");
  ui.Click("wipe.open");
  REQUIRE(ui.Has("wipe.limits"));
  ui.Frames(2);  // the cursor is in the word field
  ui.Type("WIPE");
  CHECK(f.app.wipe.typed == "WIPE");
  CHECK_FALSE(ui.Enabled("wipe.now"));  // no verified backup: refused
  CHECK_FALSE(f.app.wipe_vault());
  CHECK(fs::exists(f.folder() / "vault.key"));

  ui.Click("wipe.accept_loss");
  ui.Frame();
  REQUIRE(ui.Enabled("wipe.now"));
  ui.Click("wipe.now");
  CHECK_FALSE(f.app.unlocked());
  CHECK(f.app.screen() == appmodel::Screen::start);
  // The wipe runs on a worker; the start screen says so until it is done.
  REQUIRE(ui.FramesUntil([&] { return !f.app.start.busy(); }, 60));
  CHECK(ui.Has("wipe.done"));
  CHECK_FALSE(fs::exists(f.folder()));
  ui.Frames(3);  // the start screen's tab follows the model's mode a frame later
  CHECK(f.app.start.mode == appmodel::StartModel::Mode::create);
  auto again = storage::Vault::unlock(f.folder(), pass());
  CHECK_FALSE(again);
  CHECK_FALSE(test::imgui_memory_holds(test::kTestPassphrase));
  CHECK(f.app.backup.passphrase.empty());
  CHECK_FALSE(f.app.backup.last_verified());
  CHECK(f.app.cases.count() == 0);
}

TEST_CASE("Before you travel: back up, verify, choose where it goes, wipe; restore brings the cases back",
          "[gui][headless][wipe][travel]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  REQUIRE(appmodel::seed_demo_cases(f.app.session().vault(), appmodel::DemoOptions{.cases = 3}));
  auto before = f.app.session().vault().cases().list(storage::CaseQuery{});
  REQUIRE(before);
  const fs::path out = f.dir.path() / "stick";
  fs::create_directory(out);
  ready_backup(f, ui, out);
  CHECK_FALSE(ui.Enabled("travel.go_wipe"));  // no verified backup yet
  ui.Click("backup.start");
  REQUIRE(ui.FramesUntil([&] { return !f.app.backup.running(); }, 60));
  REQUIRE(f.app.backup.verified());
  REQUIRE(f.app.backup.verified_is_current());
  const fs::path file = f.app.backup.file();
  CHECK_FALSE(ui.Enabled("travel.go_wipe"));  // where it goes is not said yet
  ui.Click("travel.where.colleague");
  ui.Click("travel.where.off_laptop");
  CHECK_FALSE(ui.Enabled("travel.go_wipe"));
  ui.Click("travel.where.passphrase");
  REQUIRE(ui.Enabled("travel.go_wipe"));
  ui.Click("travel.go_wipe");
  REQUIRE(ui.Has("wipe.word"));
  CHECK_FALSE(ui.Has("wipe.accept_loss"));  // a current verified backup: no need to accept a loss
  ui.Click("wipe.word");
  ui.Type("wipe");
  CHECK_FALSE(ui.Enabled("wipe.now"));  // the word exactly
  ui.Press(ImGuiKey_Backspace);
  ui.Press(ImGuiKey_Backspace);
  ui.Press(ImGuiKey_Backspace);
  ui.Press(ImGuiKey_Backspace);
  ui.Type("WIPE");
  REQUIRE(ui.Enabled("wipe.now"));
  ui.Click("wipe.now");
  CHECK_FALSE(f.app.unlocked());
  REQUIRE(ui.FramesUntil([&] { return !f.app.start.busy(); }, 60));
  CHECK_FALSE(fs::exists(f.folder()));
  CHECK_FALSE(f.app.travel.with_colleague);  // the checklist is gone with the session
  CHECK_FALSE(storage::Vault::unlock(f.folder(), pass()));

  // After arrival: restore (the CLI's command does the same call).
  const fs::path arrived = f.dir.path() / "arrived";
  REQUIRE(storage::restore_backup(file, pass(), arrived));
  auto v = storage::Vault::unlock(arrived, pass());
  REQUIRE(v);
  auto after = v->cases().list(storage::CaseQuery{});
  REQUIRE(after);
  REQUIRE(after->size() == before->size());
  for (std::size_t i = 0; i < after->size(); ++i) CHECK((*after)[i].title == (*before)[i].title);
}
