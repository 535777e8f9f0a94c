#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "headless_ui.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

namespace {

std::vector<ImWchar> chars_of(const char* utf8) {
  std::vector<ImWchar> out;
  for (const char* p = utf8; *p != 0;) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, nullptr);
    out.push_back(static_cast<ImWchar>(c));
  }
  return out;
}

// Characters of `utf8` the body or heading font has no glyph for.
std::vector<ImWchar> missing(test::HeadlessUi& ui, const char* utf8) {
  std::vector<ImWchar> out;
  const auto& f = ui.runtime().fonts();
  for (ImWchar c : chars_of(utf8)) {
    if (f.body->FindGlyphNoFallback(c) == nullptr || f.heading->FindGlyphNoFallback(c) == nullptr) {
      out.push_back(c);
    }
  }
  return out;
}

// Draws frames for `seconds` of ImGui time.
void frames_for(test::HeadlessUi& ui, double seconds) {
  for (int i = 0; i < static_cast<int>(seconds * 60); ++i) ui.Frame();
}

constexpr const char* kTyped = "臺灣鬱";
constexpr const char* kPasted = "護照遭註銷，龘靐齉爩";
constexpr const char* kLoaded = "鑾駕驫麤";

}  // namespace

TEST_CASE("Glyphs of typed, pasted and loaded Traditional/rare characters are added to the atlas",
          "[gui][headless][fonts]") {
  appmodel::shown_codepoints().clear();  // left by earlier tests that did not lock
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  if (!ui.runtime().fonts().cjk_found) SKIP("no CJK font installed (fonts-noto-cjk or fonts-wqy)");

  // A passphrase typed into the masked field is never noted.
  ui.Click("start.passphrase");
  ui.Type("龘");
  frames_for(ui, 0.5);
  CHECK(appmodel::shown_codepoints().size() == 0);
  ui.PressNamed(ImGuiKey_Backspace);
  f.unlock(ui);

  const auto typed_missing = missing(ui, kTyped);
  const auto pasted_missing = missing(ui, kPasted);
  const auto loaded_missing = missing(ui, kLoaded);
  // Otherwise the test could not fail: these are outside the initial atlas.
  REQUIRE(typed_missing.size() >= 2);
  REQUIRE(pasted_missing.size() >= 5);
  REQUIRE(loaded_missing.size() >= 3);

  // Typed (IME commits arrive as queued characters).
  ui.Click("cases.search");
  ui.Type(kTyped);
  frames_for(ui, 0.5);
  CHECK(missing(ui, kTyped).empty());

  // Pasted: one rebuild for the whole text.
  ImGui::SetClipboardText(kPasted);
  frames_for(ui, 0.5);
  const int builds = ui.runtime().font_builds();
  ui.Press(ImGuiKey_V, /*ctrl=*/true);
  frames_for(ui, 1.0);
  CHECK(ui.runtime().font_builds() == builds + 1);
  CHECK(missing(ui, kPasted).empty());

  // Loaded from the vault: a case title shown in the case view's heading.
  auto c = f.app.session().vault().records().create("case", "", {{"title", std::string("案件：") + kLoaded}});
  REQUIRE(c);
  f.app.open_case(c->id);
  frames_for(ui, 0.5);
  REQUIRE(ui.Has("case.heading"));
  CHECK(missing(ui, kLoaded).empty());
  CHECK(appmodel::shown_codepoints().size() > 0);

  // Lock forgets the code points and drops the extra glyphs.
  const int before_lock = ui.runtime().font_builds();
  ui.Click("nav.lock");
  REQUIRE_FALSE(f.app.unlocked());
  frames_for(ui, 0.5);
  CHECK(ui.runtime().font_builds() == before_lock + 1);
  CHECK(appmodel::shown_codepoints().size() == 0);
  CHECK(missing(ui, kLoaded).size() == loaded_missing.size());
  CHECK(missing(ui, kPasted).size() == pasted_missing.size());
}

// Startup (issue 11, < 300 ms to the first frame): before a vault is open
// the atlas holds only what the start screen draws; the full set (every
// language, schema labels, the common Simplified characters) comes with
// the first frame after unlock.
TEST_CASE("The start screen's atlas is small; the full glyph set is built after unlock", "[gui][headless][fonts]") {
  appmodel::shown_codepoints().clear();
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  if (!ui.runtime().fonts().cjk_found) SKIP("no CJK font installed (fonts-noto-cjk or fonts-wqy)");
  const int before = ui.runtime().fonts().body->Glyphs.Size;
  CHECK(before < 1500);
  CHECK(ui.runtime().fonts().body->FindGlyphNoFallback(0x4E2D) != nullptr);  // 中, for the language names
  f.unlock(ui);
  ui.Frames(2);
  const int after = ui.runtime().fonts().body->Glyphs.Size;
  CHECK(after >= 2500);
  // Locking keeps the full set (only the glyphs of the session's text go).
  ui.Click("nav.lock");
  ui.Frames(2);
  CHECK(ui.runtime().fonts().body->Glyphs.Size >= 2500);
}

// Text drawn outside the case list and the case view (found under Xvfb:
// the export picker drew Cyrillic, Greek and Polish titles as "?" until
// the case list had been shown): the export picker's titles, contacts'
// names and an incoming bundle's titles are noted when they are loaded.
TEST_CASE("Titles the export picker finds are noted for their glyphs, without the case list showing them",
          "[gui][headless][fonts]") {
  appmodel::shown_codepoints().clear();
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Frames(5);
  const std::string title = std::string("Łódź Ελλάδα ") + kLoaded;
  REQUIRE(f.app.session().vault().records().create("case", "", {{"title", title}}));
  const std::size_t before = appmodel::shown_codepoints().size();
  // No frame in between: the case list has not read the new case.
  REQUIRE(f.app.exporter.search_cases("", 100));
  CHECK(appmodel::shown_codepoints().size() >= before + 10);  // Ł ó ź Ε λ ά δ α and 鑾駕驫麤, less any seen
}
