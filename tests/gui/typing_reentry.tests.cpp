// Issue 11: Escape leaves a text field keeping its text, but letters typed
// next went nowhere: a caseworker who pressed Escape by mistake and kept
// typing lost half a sentence. Typing while the keyboard focus is on a
// stored-text field that is not being edited now re-enters it and appends,
// in order; typing that no control takes shows a status line and is never
// written anywhere (exact_text.cpp, docs/gui.md "Text fields").
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <imgui_internal.h>

#include "headless_ui.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
using appmodel::IntakeStep;

namespace {

// The intake draft as stored in the vault's drafts table (after lock).
std::string stored_draft(test::VaultFixture& f) {
  auto v = f.open();
  auto stored = v.drafts().get(appmodel::IntakeModel::kDraftKey);
  REQUIRE(stored);
  REQUIRE(stored->has_value());
  return **stored;
}

// An intake open at `step` with consent given.
void intake_at(test::VaultFixture& f, test::HeadlessUi& ui, const char* step_probe) {
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  test::give_intake_consent(ui);
  ui.Click(step_probe);
}

std::string pseudonym(test::VaultFixture& f) { return f.app.intake.draft->interviewee.fields.value("pseudonym", ""); }
std::string notes(test::VaultFixture& f) { return f.app.intake.draft->session.fields.value("notes", ""); }

}  // namespace

TEST_CASE("Typing after Escape re-enters a single-line field and appends", "[gui][headless][escape][typing]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  intake_at(f, ui, "intake.step.2");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("Ay");
  ui.Press(ImGuiKey_Escape);
  REQUIRE(ImGui::GetActiveID() == 0);  // the field was left
  ui.Type("nur ş");  // several characters in one frame, one outside ASCII
  CHECK(pseudonym(f) == "Aynur ş");
  ui.Frames(2);
  CHECK(ImGui::GetActiveID() == ImGui::GetCurrentContext()->NavId);  // the field is edited again
  ui.Type("𝓐");  // outside the BMP, now typed into the active field, at the end
  ui.Type("x");
  CHECK(pseudonym(f) == "Aynur ş𝓐x");
  CHECK_FALSE(ui.Has("typing.went_nowhere"));
}

TEST_CASE("Typing after Tab into a field then Escape appends, never replaces the selection",
          "[gui][headless][escape][typing][tab]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  intake_at(f, ui, "intake.step.2");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("Aynur");
  ui.Press(ImGuiKey_Tab);
  ui.Press(ImGuiKey_Tab, false, /*shift=*/true);  // back: ImGui selects the whole pseudonym
  REQUIRE(ImGui::GetActiveID() != 0);
  ui.Press(ImGuiKey_Escape);
  REQUIRE(ImGui::GetActiveID() == 0);
  // Each character queued as a keyboard sends it (key down, character, key
  // up), all before one frame; ImGui trickles them.
  test::HeadlessUi::QueueTyping(" K.");
  ui.Frames(12);
  CHECK(pseudonym(f) == "Aynur K.");
  ui.Type("!");
  CHECK(pseudonym(f) == "Aynur K.!");
}

TEST_CASE("Typing after Escape in a multi-line account appends and is in the draft stored at lock",
          "[gui][headless][escape][typing]") {
  const bool trickle = GENERATE(true, false);
  INFO("ImGui input trickling " << trickle);
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  ImGui::GetIO().ConfigInputTrickleEventQueue = trickle;
  intake_at(f, ui, "intake.step.3");
  const std::string start = "They followed me from the embassy";
  const std::string rest = " to the tram stop, 𠀀 Ürümqi";
  ui.Click("intake.narrative.notes");
  ui.Type(start);
  ui.Press(ImGuiKey_Escape);
  REQUIRE(ImGui::GetActiveID() == 0);
  ui.Type(rest);
  ui.Type(" again");
  CHECK(notes(f) == start + rest + " again");
  ui.Click("nav.lock");  // forces the autosave
  REQUIRE_FALSE(f.app.unlocked());
  CHECK(stored_draft(f).find(start + rest + " again") != std::string::npos);
}

TEST_CASE("Typing with the focus on a button says so and writes nothing", "[gui][headless][typing]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  intake_at(f, ui, "intake.step.2");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("Aynur");
  ui.Click("nav.intake");  // the focus on a button (the screen shown already)
  REQUIRE(f.app.intake.draft->step == IntakeStep::interviewee);
  const auto before = f.app.intake.draft->interviewee.fields.dump();
  const auto notes_before = notes(f);
  CHECK_FALSE(ui.Has("typing.went_nowhere"));
  ui.Type("qzv");
  ui.Frame();
  CHECK(ui.Has("typing.went_nowhere"));
  CHECK(f.app.intake.draft->interviewee.fields.dump() == before);
  CHECK(notes(f) == notes_before);
  // (Typed code points are kept as a set for building glyphs on demand, as
  // for any typing; the text itself is in no field, draft or ImGui buffer.)
  ui.Frames(60 * 6);
  CHECK_FALSE(ui.Has("typing.went_nowhere"));  // the notice goes after a few seconds
  ui.Click("nav.lock");
  REQUIRE_FALSE(f.app.unlocked());
  CHECK(stored_draft(f).find("qzv") == std::string::npos);
}
