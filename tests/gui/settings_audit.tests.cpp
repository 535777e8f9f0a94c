#include <catch2/catch_test_macros.hpp>

#include <optional>

#include "headless_ui.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

TEST_CASE("Settings are saved in the vault and come back after lock and unlock", "[gui][headless][settings]") {
  test::VaultFixture f;
  std::optional<test::HeadlessUi> first(std::in_place, f.app);
  test::HeadlessUi& ui = *first;
  f.unlock(ui);
  ui.Click("nav.settings");
  REQUIRE(ui.Has("settings.theme.dark"));
  ui.Click("settings.theme.dark");
  ui.Click("lang.zh-Hans");
  CHECK(f.app.settings().theme == appmodel::Theme::dark);
  CHECK(appmodel::current_language() == appmodel::Language::zh_Hans);

  ui.Click("nav.lock");
  REQUIRE_FALSE(f.app.unlocked());
  // Before unlock nothing is read from the vault: a fresh app starts with
  // defaults, then gets the vault's choices on unlock.
  appmodel::AppModel fresh(f.opener);
  appmodel::set_language(appmodel::Language::en);
  fresh.apply_settings(appmodel::Settings{});
  fresh.start.folder = f.folder().string();
  first.reset();
  test::HeadlessUi again(fresh);
  CHECK(fresh.settings().theme == appmodel::Theme::light);
  again.Click("start.passphrase");
  again.Type(test::kTestPassphrase);
  again.Click("start.primary");
  REQUIRE(again.FramesUntil([&] { return fresh.unlocked(); }));
  CHECK(fresh.settings().theme == appmodel::Theme::dark);
  CHECK(appmodel::current_language() == appmodel::Language::zh_Hans);
  appmodel::set_language(appmodel::Language::en);
}

TEST_CASE("Changing the passphrase from settings, then unlocking with the new one", "[gui][headless][settings]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.settings");
  const std::string next = "velvet lantern harbour crossing eleven";
  ui.Click("passwd.current");
  ui.Type("not the passphrase");
  ui.Click("passwd.new");
  ui.Type(next);
  ui.Click("passwd.repeat");
  ui.Type(next);
  ui.Click("passwd.change");
  REQUIRE(ui.FramesUntil([&] { return !f.app.passwd.busy(); }));
  REQUIRE(f.app.passwd.error_key() != nullptr);
  CHECK(std::string_view(f.app.passwd.error_key()) == "passwd.error.wrong_current");

  ui.Click("passwd.current");
  ui.Press(ImGuiKey_A, true);
  ui.Type(test::kTestPassphrase);
  ui.Click("passwd.change");
  REQUIRE(ui.FramesUntil([&] { return !f.app.passwd.busy(); }));
  CHECK(f.app.passwd.done());
  CHECK(f.app.passwd.next.empty());
  CHECK_FALSE(test::imgui_memory_holds(next));

  ui.Click("nav.lock");
  f.unlock(ui, next);
}

TEST_CASE("Audit viewer lists entries and verifies the chain", "[gui][headless][audit]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.audit");
  ui.Frame();
  REQUIRE_FALSE(f.app.audit.entries().empty());
  CHECK(f.app.audit.entries().front().action == "vault_created");
  ui.Click("audit.verify");
  REQUIRE(ui.FramesUntil([&] { return !f.app.audit.verifying(); }));
  ui.Frame();
  REQUIRE(f.app.audit.verification().has_value());
  CHECK(f.app.audit.verification()->intact);
  CHECK(ui.Has("audit.result"));
  ui.Click("nav.lock");
  CHECK(f.app.audit.entries().empty());
}
