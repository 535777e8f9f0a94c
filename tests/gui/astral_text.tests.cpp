// Characters outside the BMP (emoji, CJK Extension B) in the GUI's text
// fields. Dear ImGui here is built with 16-bit ImWchar, which turns them into
// U+FFFD; the app edits them through BMP Private Use stand-ins instead
// (appmodel/astral_escapes.hpp). These tests edit real records in a real
// vault through the real UI.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "../storage/storage_samples.hpp"
#include "clipboard_bridge.hpp"
#include "exact_text.hpp"
#include "headless_ui.hpp"
#include "safehold/appmodel/astral_escapes.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

namespace {

// "a 😀 b 𠮷 c": an emoji and a CJK Extension B character (U+20BB7).
const std::string kGrin = "\xF0\x9F\x98\x80";
const std::string kExtB = "\xF0\xA0\xAE\xB7";
const std::string kNarrative = "a " + kGrin + " b " + kExtB + " c";
const std::string kField = "case.form.incident.narrative.text";

struct AstralCase {
  storage::Record the_case, person, consent, incident;
};

// An unlocked vault driven through the headless UI, with an empty table of
// stand-ins (it is one per process).
struct AstralUi {
  AstralUi() { f.unlock(ui); }
  storage::Vault& vault() { return f.app.session()->vault(); }

  AstralCase seed(const std::string& narrative) {
    storage::Vault& v = vault();
    AstralCase c;
    c.the_case = v.records().create("case", "", test::case_fields("Astral case")).value();
    c.person = v.records().create("person", c.the_case.id, test::interviewee_fields("Kestrel")).value();
    c.consent = v.records()
                    .create("consent", c.the_case.id, test::consent_fields(c.person.id, {"be_interviewed"}))
                    .value();
    c.incident = v.records()
                     .create("incident", c.the_case.id, test::incident_fields("Threat", narrative, {"D1"}))
                     .value();
    return c;
  }
  std::string stored_narrative(const AstralCase& c) {
    auto r = vault().records().get(c.incident.id);
    REQUIRE(r);
    return r->fields["narrative"]["text"].get<std::string>();
  }
  // Opens the incident of `c` for editing.
  void open_form(const AstralCase& c) {
    f.app.open_case(c.the_case.id);
    ui.Frames(3);
    ui.Click("case.tab.incidents");
    ui.Click("case.edit.incident");
  }
  // ...and puts the cursor at the end of its narrative.
  void edit_narrative(const AstralCase& c) {
    open_form(c);
    ui.Click(kField);
    ui.Press(ImGui::GetIO().KeyMap[ImGuiKey_End], /*ctrl=*/true);
  }
  void save() { ui.Click("case.save.incident"); }

  bool cleared = (appmodel::astral_escapes().clear(), true);
  test::VaultFixture f;
  test::HeadlessUi ui{f.app};
};

}  // namespace

TEST_CASE("Astral characters: editing a narrative keeps an emoji and U+20BB7 exactly",
          "[gui][headless][astral]") {
  AstralUi t;
  const auto c = t.seed(kNarrative);
  t.edit_narrative(c);
  t.ui.Type(" typed");
  t.save();
  CHECK(t.stored_narrative(c) == kNarrative + " typed");
}

TEST_CASE("Astral characters: typed, pasted and copied in a narrative, they stay themselves",
          "[gui][headless][astral]") {
  AstralUi t;
  ImGuiIO& io = ImGui::GetIO();

  SECTION("typed through the host's char callback path") {
    const auto c = t.seed("start ");
    t.edit_narrative(c);
    CHECK_FALSE(t.ui.Has(kField + ".stand_ins"));
    // What main.cpp's GLFW char callback does for each typed character; a
    // genuine U+FFFD and a Private Use character in between.
    for (unsigned int cp : {0x78u, 0x1F600u, 0x79u, 0x20BB7u, 0xFFFDu, 0xE010u, 0x7Au}) {
      io.AddInputCharacter(gui::TypedCodepoint(cp));
    }
    t.ui.Frame();
    CHECK(t.ui.Has(kField + ".stand_ins"));  // the note under the field
    t.save();
    CHECK(t.stored_narrative(c) ==
          "start x" + kGrin + "y" + kExtB + "\xEF\xBF\xBD\xEE\x80\x90z");
  }
  SECTION("pasted from the clipboard") {
    const auto c = t.seed("start ");
    t.edit_narrative(c);
    gui::SetHostClipboardText(("p " + kGrin + " q " + kExtB).c_str());
    t.ui.Press(io.KeyMap[ImGuiKey_V], /*ctrl=*/true);
    t.save();
    CHECK(t.stored_narrative(c) == "start p " + kGrin + " q " + kExtB);
  }
  SECTION("copied to the clipboard") {
    const auto c = t.seed(kNarrative);
    t.edit_narrative(c);
    t.ui.Press(io.KeyMap[ImGuiKey_A], /*ctrl=*/true);
    t.ui.Press(io.KeyMap[ImGuiKey_C], /*ctrl=*/true);
    const char* copied = gui::HostClipboardText();
    REQUIRE(copied != nullptr);
    CHECK(std::string(copied) == kNarrative);
  }
  SECTION("a genuine Private Use character that is already a stand-in survives an edit") {
    REQUIRE(appmodel::astral_escapes().to_edit(kGrin) == "\xEF\xA3\xBF");  // U+F8FF now stands for 😀
    const std::string legacy = "HKSCS \xEF\xA3\xBF " + kGrin;
    const auto c = t.seed(legacy);
    t.edit_narrative(c);
    t.ui.Type("!");
    t.save();
    CHECK(t.stored_narrative(c) == legacy + "!");
  }
  SECTION("lock clears the table") {
    const auto c = t.seed(kNarrative);
    t.edit_narrative(c);
    CHECK(appmodel::astral_escapes().size() == 2);
    t.ui.Click("nav.lock");
    CHECK_FALSE(t.f.app.unlocked());
    CHECK(appmodel::astral_escapes().size() == 0);
  }
}

TEST_CASE("Astral characters: with every stand-in taken, the field is read-only and the text kept",
          "[gui][headless][astral]") {
  AstralUi t;
  const auto c = t.seed(kNarrative);
  // Another field of the session used up all 6,400 stand-ins (none of them
  // for the narrative's characters).
  std::string many;
  for (char32_t cp = 0x30000; cp < 0x30000 + 6400; ++cp) {
    many += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
             static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  }
  REQUIRE(appmodel::astral_escapes().to_edit(many));
  REQUIRE(appmodel::astral_escapes().full());
  t.open_form(c);
  CHECK(t.ui.Has(kField + ".read_only"));
  t.ui.Click(kField);
  t.ui.Type("lost?");
  t.save();
  CHECK(t.stored_narrative(c) == kNarrative);
}
