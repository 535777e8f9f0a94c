// Characters outside the BMP (emoji, CJK Extension B) in the GUI's text
// fields. Dear ImGui is built with 32-bit ImWchar (docs/gui.md), so they are
// typed, pasted, copied and edited as themselves; these tests prove it byte
// for byte on real records in a real vault through the real UI (with the
// 16-bit ImWchar of Debian 12's ImGui 1.86 each became U+FFFD).
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "../storage/storage_samples.hpp"
#include "clipboard_bridge.hpp"
#include "headless_ui.hpp"
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

// An unlocked vault driven through the headless UI.
struct AstralUi {
  AstralUi() { f.unlock(ui); }
  storage::Vault& vault() { return f.app.session().vault(); }

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
    ui.Press(ImGuiKey_End, /*ctrl=*/true);
  }
  void save() { ui.Click("case.save.incident"); }

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

  SECTION("typed as GLFW's char callback delivers them") {
    const auto c = t.seed("start ");
    t.edit_narrative(c);
    // What the GLFW backend's char callback queues for each typed character
    // (one code point each); a genuine U+FFFD and a Private Use character
    // in between. ImGui drops TYPED Private Use characters (some platforms
    // send them for arrow keys); pasted ones are kept (next section).
    for (unsigned int cp : {0x78u, 0x1F600u, 0x79u, 0x20BB7u, 0xFFFDu, 0xE010u, 0x7Au}) {
      io.AddInputCharacter(cp);
    }
    t.ui.Frame();
    t.save();
    CHECK(t.stored_narrative(c) ==
          "start x" + kGrin + "y" + kExtB + "\xEF\xBF\xBDz");
  }
  SECTION("pasted from the clipboard") {
    const auto c = t.seed("start ");
    t.edit_narrative(c);
    gui::SetHostClipboardText(("p " + kGrin + " q " + kExtB + " \xEE\x80\x90").c_str());
    t.ui.Press(ImGuiKey_V, /*ctrl=*/true);
    t.save();
    CHECK(t.stored_narrative(c) == "start p " + kGrin + " q " + kExtB + " \xEE\x80\x90");
  }
  SECTION("copied to the clipboard") {
    const auto c = t.seed(kNarrative);
    t.edit_narrative(c);
    t.ui.Press(ImGuiKey_A, /*ctrl=*/true);
    t.ui.Press(ImGuiKey_C, /*ctrl=*/true);
    const char* copied = gui::HostClipboardText();
    REQUIRE(copied != nullptr);
    CHECK(std::string(copied) == kNarrative);
  }
  SECTION("deleted one at a time: Backspace removes a whole character") {
    const auto c = t.seed("x" + kExtB + kGrin);
    t.edit_narrative(c);
    t.ui.PressNamed(ImGuiKey_Backspace);
    t.save();
    CHECK(t.stored_narrative(c) == "x" + kExtB);
  }
}

TEST_CASE("Astral characters: a long text of them survives select-all, cut and paste back",
          "[gui][headless][astral]") {
  AstralUi t;
  std::string many;
  for (char32_t cp = 0x20000; cp < 0x20000 + 3000; cp += 7) {
    many += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
             static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  }
  many += kGrin;
  const auto c = t.seed(many);
  t.edit_narrative(c);
  t.ui.Press(ImGuiKey_A, /*ctrl=*/true);
  t.ui.Press(ImGuiKey_X, /*ctrl=*/true);
  t.ui.Frame();
  t.ui.Press(ImGuiKey_V, /*ctrl=*/true);
  t.save();
  CHECK(t.stored_narrative(c) == many);
}
