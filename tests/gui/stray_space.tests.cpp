// Issue 11: a sentence typed while the keyboard focus is on a radio button
// or checkbox (the caseworker believes the cursor is in a text field) must
// record nothing: every Space used to press the focused control. Space
// alone, after Tab or after a pause, still presses it (stray_space.hpp).
#include <catch2/catch_test_macros.hpp>

#include <imgui_internal.h>

#include <cctype>
#include <string_view>

#include "headless_ui.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "stray_space.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

namespace {

constexpr std::string_view kSentence = "I was stopped at the border";

// Queues `ascii` as a keyboard sends it: for each character its key down
// (Space for a blank, the letter's key otherwise), the character, the key
// up. ImGui trickles it through the frames that follow.
void QueueSentence(std::string_view ascii) {
  ImGuiIO& io = ImGui::GetIO();
  for (const char c : ascii) {
    const ImGuiKey key = c == ' ' ? ImGuiKey_Space
                                  : static_cast<ImGuiKey>(ImGuiKey_A + (std::tolower(static_cast<unsigned char>(c)) - 'a'));
    io.AddKeyEvent(key, true);
    io.AddInputCharacter(static_cast<unsigned char>(c));
    io.AddKeyEvent(key, false);
  }
}

// Draws frames until ImGui has taken every queued event (at most 400).
void FramesUntilTyped(test::HeadlessUi& ui) {
  for (int i = 0; i < 400 && ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; ++i) ui.Frame();
  ui.Frame();
}

// Tabs until the keyboard focus is on the control drawn as `probe`.
void TabTo(test::HeadlessUi& ui, const std::string& probe) {
  for (int i = 0; i < 200 && ImGui::GetCurrentContext()->NavId != ui.Rect(probe).id; ++i) ui.Press(ImGuiKey_Tab);
  REQUIRE(ImGui::GetCurrentContext()->NavId == ui.Rect(probe).id);
  REQUIRE(ImGui::GetCurrentContext()->ActiveId == 0);  // on the control, no field being edited
}

// Shift+Tab then Tab: back on the same control, the caseworker's last keys
// were navigation.
void TabAwayAndBack(test::HeadlessUi& ui, const std::string& probe) {
  ui.Press(ImGuiKey_Tab, false, /*shift=*/true);
  ui.Press(ImGuiKey_Tab);
  REQUIRE(ImGui::GetCurrentContext()->NavId == ui.Rect(probe).id);
}

// Unlocked through the start screen, then Ctrl+N: the new intake at its
// consent step.
appmodel::IntakeDraft& begin_intake_by_keyboard(test::VaultFixture& f, test::HeadlessUi& ui) {
  f.unlock(ui);
  ui.Press(ImGuiKey_N, /*ctrl=*/true);
  ui.Frames(3);
  REQUIRE(f.app.intake.draft);
  return *f.app.intake.draft;
}

std::string be_interviewed(const appmodel::IntakeDraft& d) {
  const auto it = d.consent.fields.find("scopes");
  return it == d.consent.fields.end() ? "" : it->value("be_interviewed", "");
}

}  // namespace

TEST_CASE("Stray typing: a sentence typed on a consent radio button answers nothing",
          "[gui][headless][intake][keyboard][stray]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  appmodel::IntakeDraft& d = begin_intake_by_keyboard(f, ui);
  const std::string radio = "intake.consent.scopes.be_interviewed.yes";
  TabTo(ui, radio);
  const nlohmann::json consent_before = d.consent.fields;
  REQUIRE(be_interviewed(d).empty());
  const int taken_before = gui::stray_space::SpacesTakenAsText();

  SECTION("the sentence") {
    QueueSentence(kSentence);
    FramesUntilTyped(ui);
    CHECK(be_interviewed(d).empty());
    CHECK(d.consent.fields == consent_before);  // nothing of the sentence anywhere in consent
    CHECK(gui::stray_space::SpacesTakenAsText() - taken_before == 5);  // every blank of the sentence
    CHECK(ui.Has("typing.not_in_field"));  // the line saying why
    CHECK(ImGui::GetCurrentContext()->NavId == ui.Rect(radio).id);  // the focus stayed

    SECTION("then Tab and Space still answer") {
      TabAwayAndBack(ui, radio);
      ui.Press(ImGuiKey_Space);
      CHECK(be_interviewed(d) == "yes");
    }
    SECTION("then Space alone after a pause still answers") {
      ui.Frames(90);  // 1.5 s of ImGui time without typing
      ui.Press(ImGuiKey_Space);
      CHECK(be_interviewed(d) == "yes");
    }
  }
  SECTION("Space as the first key answers") {
    QueueSentence(" ");  // the key and its character, as a keyboard sends them
    FramesUntilTyped(ui);
    CHECK(be_interviewed(d) == "yes");
    CHECK_FALSE(ui.Has("typing.not_in_field"));
    CHECK_FALSE(ui.Has("typing.went_nowhere"));
  }
}

TEST_CASE("Stray typing: a sentence typed on a checkbox ticks nothing; Tab then Space ticks it",
          "[gui][headless][intake][keyboard][stray]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  appmodel::IntakeDraft& d = begin_intake_by_keyboard(f, ui);
  test::give_intake_consent(ui);
  ui.Press(ImGuiKey_5, /*ctrl=*/true);  // Incidents
  ui.Frames(4);
  ui.Click("intake.add.incident");
  REQUIRE(d.incidents.size() == 1);
  const std::string box = "intake.incident.tactics.D1";  // a tactic's checkbox
  TabTo(ui, box);
  const appmodel::Json fields_before = d.incidents[0].fields;

  QueueSentence(kSentence);
  FramesUntilTyped(ui);
  CHECK_FALSE(appmodel::has_code(d.incidents[0].fields, "tactics", "D1"));
  CHECK(d.incidents[0].fields == fields_before);
  CHECK(ui.Has("typing.not_in_field"));

  TabAwayAndBack(ui, box);
  ui.Press(ImGuiKey_Space);
  CHECK(appmodel::has_code(d.incidents[0].fields, "tactics", "D1"));
}
