#include <catch2/catch_test_macros.hpp>

#include <filesystem>

#include "headless_ui.hpp"
#include "home_at.hpp"
#include "vault_fixture.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "test_util.hpp"

using namespace safehold;
using appmodel::FileBrowser;

namespace {

void make_tree(const std::filesystem::path& root) {
  std::filesystem::create_directories(root / "beta");
  std::filesystem::create_directories(root / "Alpha");
  std::filesystem::create_directories(root / ".hidden-dir");
  test::write_file(root / "zeta.pdf", test::as_bytes("12345"));
  test::write_file(root / "Echo.jpg", test::as_bytes("x"));
  test::write_file(root / ".secret", test::as_bytes("x"));
}

}  // namespace

TEST_CASE("File browser lists folders first, sorted, hiding dot files", "[gui][files]") {
  test::TempDir dir;
  make_tree(dir.path());
  FileBrowser b(dir.path(), FileBrowser::Pick::file);
  REQUIRE(b.error_key() == nullptr);
  REQUIRE(b.entries().size() == 4);
  CHECK(b.entries()[0].name == "Alpha");
  CHECK(b.entries()[1].name == "beta");
  CHECK(b.entries()[2].name == "Echo.jpg");
  CHECK(b.entries()[3].name == "zeta.pdf");
  CHECK(b.entries()[3].size == 5);
  CHECK(b.chosen().empty());
  b.select(3);
  CHECK(b.chosen() == std::filesystem::weakly_canonical(dir.path()) / "zeta.pdf");
  b.set_show_hidden(true);
  CHECK(b.entries().size() == 6);
  CHECK(b.entries()[0].name == ".hidden-dir");
}

TEST_CASE("Folder picking lists only folders and can choose the current one", "[gui][files]") {
  test::TempDir dir;
  make_tree(dir.path());
  FileBrowser b(dir.path(), FileBrowser::Pick::folder);
  REQUIRE(b.entries().size() == 2);
  CHECK(b.chosen() == std::filesystem::weakly_canonical(dir.path()));
  REQUIRE(b.enter(1));
  CHECK(b.folder().filename() == "beta");
  CHECK(b.entries().empty());
  REQUIRE(b.up());
  CHECK(b.entries().size() == 2);
}

TEST_CASE("An unreadable folder keeps the listing and reports an error", "[gui][files]") {
  test::TempDir dir;
  make_tree(dir.path());
  FileBrowser b(dir.path(), FileBrowser::Pick::file);
  CHECK_FALSE(b.go(dir.path() / "does-not-exist"));
  CHECK(b.error_key() != nullptr);
  CHECK(b.entries().size() == 4);
  // A start path that is a file or missing falls back to its nearest folder.
  FileBrowser c(dir.path() / "zeta.pdf", FileBrowser::Pick::file);
  CHECK(c.folder() == std::filesystem::weakly_canonical(dir.path()));
}

TEST_CASE("Sizes are shown as file managers show them", "[gui][files]") {
  CHECK(appmodel::format_size(0) == "0 B");
  CHECK(appmodel::format_size(999) == "999 B");
  CHECK(appmodel::format_size(1000) == "1.0 KB");
  CHECK(appmodel::format_size(12'345'678) == "12.3 MB");
  CHECK(appmodel::format_size(4'700'000'000) == "4.7 GB");
}

TEST_CASE("Choosing a vault folder through the in-app browser", "[gui][headless][files]") {
  test::TempDir dir;
  make_tree(dir.path());
  appmodel::VaultOpener opener;
  appmodel::AppModel app(opener);
  app.start.mode = appmodel::StartModel::Mode::create;
  app.start.folder = dir.path().string();
  test::HeadlessUi ui(app);
  ui.Click("start.browse");
  REQUIRE(ui.Has("files.row.beta"));
  CHECK_FALSE(ui.Has("files.row.zeta.pdf"));  // folders only
  ui.Click("files.row.beta");
  ui.Click("files.choose");
  // beta is empty: the new vault goes right there.
  CHECK(app.start.folder == (std::filesystem::weakly_canonical(dir.path()) / "beta").string());
  ui.Frame();
  CHECK_FALSE(ui.Has("files.choose"));

  ui.Click("start.browse");
  ui.Click("files.up");
  ui.Click("files.choose");  // the parent holds files: a new subfolder is proposed
  CHECK(app.start.folder == (std::filesystem::weakly_canonical(dir.path()) / "safehold-vault").string());
}

// Issue 11: evidence on a USB stick reached by keyboard alone.
TEST_CASE("File browser by keyboard: typed path box and list navigation", "[gui][headless][files][keyboard]") {
  test::VaultFixture f;
  test::TempDir home;
  std::filesystem::create_directories(home / "usb" / "sub");
  test::write_file(home / "usb" / "top.jpg", test::as_bytes("top"));
  test::write_file(home / "usb" / "sub" / "inner.pdf", test::as_bytes("inner"));
  test::HomeAt at(home.path());
  const auto usb = std::filesystem::weakly_canonical(home / "usb");

  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.written");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
  ui.Click("intake.step.7");
  ui.Click("intake.add.evidence_file");
  ui.Frames(2);
  // The cursor is in the path box: a path that does not exist is refused in one line.
  ui.Type("no-such-stick");
  ui.Press(ImGuiKey_Enter);
  CHECK(ui.Has("files.error"));
  CHECK(ui.Has("files.path"));
  CHECK(f.app.intake.draft->evidence.empty());
  ui.Frames(2);  // the box is focused again, emptied
  ui.Type(usb.string());
  ui.Press(ImGuiKey_Enter);
  CHECK_FALSE(ui.Has("files.error"));
  REQUIRE(ui.Has("files.row.sub"));
  CHECK(ui.Has("files.row.top.jpg"));
  ui.Frames(2);
  // Down leaves the box for the list; Enter opens the folder; Backspace goes up.
  ui.Press(ImGuiKey_DownArrow);
  ui.Press(ImGuiKey_Enter);
  REQUIRE(ui.Has("files.row.inner.pdf"));
  ui.Press(ImGuiKey_Backspace);
  REQUIRE(ui.Has("files.row.sub"));
  ui.Press(ImGuiKey_DownArrow);  // from "sub" (first, folders first) to "top.jpg"
  ui.Press(ImGuiKey_Enter);      // chooses the file
  REQUIRE(f.app.intake.draft->evidence.size() == 1);
  CHECK(f.app.intake.draft->evidence[0].file == (usb / "top.jpg").string());
  ui.Frames(2);
  CHECK_FALSE(ui.Has("files.path"));

  // A typed file path chooses the file at once.
  ui.Click("intake.add.evidence_file");
  ui.Frames(2);
  ui.Type((usb / "sub" / "inner.pdf").string());
  ui.Press(ImGuiKey_Enter);
  REQUIRE(f.app.intake.draft->evidence.size() == 2);
  CHECK(f.app.intake.draft->evidence[1].file == (usb / "sub" / "inner.pdf").string());
}
