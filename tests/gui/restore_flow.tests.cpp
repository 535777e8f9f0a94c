// Start screen → "Restore a backup", driven through the real UI: a real
// backup file made by the library, restored into a new folder and unlocked
// in one action; and every refusal leaves the folder as it was.
#include <catch2/catch_test_macros.hpp>

#include <fstream>

#include "folder_snapshot.hpp"  // names_in
#include "headless_ui.hpp"
#include "large_attachment.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/storage/backup.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
namespace fs = std::filesystem;

namespace {

// A vault with the demo cases (English and Chinese text), backed up to
// `backup` by the library, as `safehold-cli backup` does.
std::size_t make_backup(const test::VaultFixture& f, const fs::path& backup) {
  storage::Vault v = f.open();
  REQUIRE(appmodel::seed_demo_cases(v, appmodel::DemoOptions{.cases = 6}));
  auto cases = v.cases().list(storage::CaseQuery{});
  REQUIRE(cases);
  auto written = storage::write_backup(f.folder(), crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase)),
                                       backup);
  REQUIRE(written);
  return cases->size();
}

// On the Restore tab with the file, the folder and the passphrase typed.
void fill_restore(test::HeadlessUi& ui, const fs::path& file, const fs::path& target, std::string_view passphrase) {
  ui.Click("start.tab.restore");
  ui.Click("start.backup_file");
  ui.Type(file.string());
  ui.Click("start.folder");
  ui.Press(ImGuiKey_A, /*ctrl=*/true);
  ui.Type(target.string());
  ui.Click("start.passphrase");
  ui.Type(passphrase);
}

// Runs the restore and waits for its end (success or refusal).
void press_restore(test::VaultFixture& f, test::HeadlessUi& ui) {
  REQUIRE(ui.Enabled("start.primary"));
  ui.Click("start.primary");
  REQUIRE(ui.FramesUntil([&] { return !f.app.start.busy(); }, 60));
}

}  // namespace

TEST_CASE("Restore a backup from the start screen: the same vault, unlocked in one action",
          "[gui][headless][restore]") {
  test::VaultFixture f;
  const fs::path file = f.dir.path() / "before-travel.shbackup";
  const std::size_t cases = make_backup(f, file);
  const fs::path target = f.dir.path() / "arrived" / "vault";  // parents do not exist yet

  test::HeadlessUi ui(f.app);
  ui.Click("start.tab.restore");
  CHECK(f.app.start.mode == appmodel::StartModel::Mode::restore);
  CHECK_FALSE(ui.Enabled("start.primary"));
  CHECK(std::string_view(f.app.start.blocked_reason()) == "start.block.no_backup_file");

  fill_restore(ui, file, target, test::kTestPassphrase);
  CHECK(f.app.start.blocked_reason() == nullptr);
  press_restore(f, ui);
  INFO(f.app.start.error_detail());
  REQUIRE(f.app.start.error_key() == nullptr);
  REQUIRE(f.app.unlocked());
  CHECK(f.app.session().vault().folder() == target);
  auto listed = f.app.session().vault().cases().list(storage::CaseQuery{});
  REQUIRE(listed);
  CHECK(listed->size() == cases);
  // The passphrase went to the worker; the field and ImGui hold none of it.
  CHECK(f.app.start.passphrase.empty());
  CHECK_FALSE(test::imgui_memory_holds(test::kTestPassphrase));
  // The restore is in the restored vault's audit trail, and the chain holds.
  auto verified = f.app.session().vault().audit().verify();
  REQUIRE(verified);
  CHECK(verified->intact);
  auto tail = f.app.session().vault().audit().page(0, 100000);
  REQUIRE(tail);
  bool restored_entry = false;
  for (const auto& e : *tail) restored_entry = restored_entry || e.action == "vault_restored";
  CHECK(restored_entry);
}

TEST_CASE("A refused restore says why and leaves the folder as it was", "[gui][headless][restore]") {
  test::VaultFixture f;
  const fs::path file = f.dir.path() / "before-travel.shbackup";
  (void)make_backup(f, file);
  test::HeadlessUi ui(f.app);

  SECTION("wrong passphrase: nothing is created") {
    const fs::path target = f.dir.path() / "new-vault";
    fill_restore(ui, file, target, "not the passphrase at all");
    press_restore(f, ui);
    REQUIRE(f.app.start.error_key() != nullptr);
    CHECK(std::string_view(f.app.start.error_key()) == "backup.error.wrong_passphrase");
    CHECK(ui.Has("start.error"));
    CHECK_FALSE(f.app.unlocked());
    CHECK_FALSE(fs::exists(target));
    CHECK(test::names_in(f.dir.path()) == std::vector<std::string>{"before-travel.shbackup", "vault"});
  }
  SECTION("a folder that is not empty is refused, its file untouched") {
    const fs::path target = f.dir.path() / "busy";
    fs::create_directory(target);
    std::ofstream(target / "notes.txt") << "someone else's file";
    fill_restore(ui, file, target, test::kTestPassphrase);
    press_restore(f, ui);
    REQUIRE(f.app.start.error_key() != nullptr);
    CHECK(std::string_view(f.app.start.error_key()) == "restore.error.not_empty");
    CHECK(test::names_in(target) == std::vector<std::string>{"notes.txt"});
  }
  SECTION("a folder that cannot be made: said as the Create tab says it") {
    std::ofstream(f.dir.path() / "notes") << "a file, not a folder";
    const fs::path target = f.dir.path() / "notes" / "vault";
    fill_restore(ui, file, target, test::kTestPassphrase);
    press_restore(f, ui);
    REQUIRE(f.app.start.error_key() != nullptr);
    CHECK(std::string_view(f.app.start.error_key()) == "start.error.folder");
    CHECK(f.app.start.error_detail() == (f.dir.path() / "notes").string() + ": is not a folder");
    CHECK_FALSE(f.app.start.restored_not_opened());
    CHECK(test::names_in(f.dir.path()) == std::vector<std::string>{"before-travel.shbackup", "notes", "vault"});
  }
  SECTION("one flipped byte: damaged, nothing created") {
    {
      std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
      io.seekg(static_cast<std::streamoff>(fs::file_size(file) / 2));
      const char c = static_cast<char>(io.get());
      io.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
      io.put(static_cast<char>(c ^ 0x01));
    }
    const fs::path target = f.dir.path() / "new-vault";
    fill_restore(ui, file, target, test::kTestPassphrase);
    press_restore(f, ui);
    REQUIRE(f.app.start.error_key() != nullptr);
    CHECK(std::string_view(f.app.start.error_key()) == "backup.error.damaged");
    CHECK_FALSE(fs::exists(target));
  }
  SECTION("a file that is not a backup") {
    const fs::path other = f.dir.path() / "holiday.jpg";
    std::ofstream(other) << "\xff\xd8\xff\xe0 not a backup";
    const fs::path target = f.dir.path() / "new-vault";
    fill_restore(ui, other, target, test::kTestPassphrase);
    press_restore(f, ui);
    REQUIRE(f.app.start.error_key() != nullptr);
    CHECK(std::string_view(f.app.start.error_key()) == "backup.error.not_a_backup");
    CHECK_FALSE(fs::exists(target));
  }
  // Whatever was refused, the original vault still opens with its cases.
  storage::Vault v = f.open();
  auto cases = v.cases().list(storage::CaseQuery{});
  REQUIRE(cases);
  CHECK(cases->size() == 6);
}

TEST_CASE("Cancel stops a restore with nothing restored", "[gui][headless][restore]") {
  test::VaultFixture f;
  const fs::path file = f.dir.path() / "before-travel.shbackup";
  {
    // A 48 MiB attachment makes the restore long enough to cancel.
    storage::Vault v = f.open();
    test::seed_with_large_attachment(v, 1, 48ULL << 20);
    REQUIRE(storage::write_backup(f.folder(),
                                  crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase)), file));
  }
  test::HeadlessUi ui(f.app);
  const fs::path target = f.dir.path() / "new-vault";
  fill_restore(ui, file, target, test::kTestPassphrase);
  ui.Click("start.primary");
  REQUIRE(f.app.start.restoring());
  ui.Click("start.restore.cancel");
  REQUIRE(ui.FramesUntil([&] { return !f.app.start.busy(); }, 60));
  REQUIRE(f.app.start.error_key() != nullptr);
  CHECK(std::string_view(f.app.start.error_key()) == "restore.cancelled");
  CHECK_FALSE(f.app.unlocked());
  CHECK(test::names_in(f.dir.path()) == std::vector<std::string>{"before-travel.shbackup", "vault"});
}
