// Issue 11: a new vault's case list says what to do first (Ctrl+N / "New
// intake") instead of an empty table; a search or filter that finds nothing,
// and a vault with cases, show the count instead.
#include <catch2/catch_test_macros.hpp>

#include "headless_ui.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

TEST_CASE("Case list: a new vault shows the first-step hint, not an empty table", "[gui][headless][cases]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.cases");
  ui.Frames(10);
  REQUIRE(f.app.screen() == appmodel::Screen::cases);
  REQUIRE(ui.Has("cases.empty_hint"));
  CHECK(ui.Rect("cases.empty_hint").visible);
  CHECK_FALSE(ui.Has("cases.count"));
  CHECK(std::string(appmodel::tr("cases.empty_hint")).find("Ctrl+N") != std::string::npos);

  SECTION("a search that finds nothing shows the count, not the hint") {
    ui.Click("cases.search");
    ui.Type("zzz");
    ui.Frames(10);
    CHECK_FALSE(ui.Has("cases.empty_hint"));
    REQUIRE(ui.Has("cases.count"));
  }
  SECTION("once the vault has a case the hint is gone") {
    REQUIRE(appmodel::seed_demo_cases(f.app.session().vault(), appmodel::DemoOptions{.cases = 1}));
    f.app.cases.invalidate();
    REQUIRE(ui.FramesUntil([&] { return f.app.cases.count() == 1; }, 10));
    ui.Frames(5);
    CHECK_FALSE(ui.Has("cases.empty_hint"));
    CHECK(ui.Has("cases.count"));
  }
  SECTION("Ctrl+N from the hint begins the intake") {
    ui.Press(ImGuiKey_N, /*ctrl=*/true);
    ui.Frames(2);
    CHECK(f.app.intake.draft);
  }
}
