// Issue 11: Tab / Shift+Tab reach every control. On every screen of the walk
// (screen_walk.hpp: each intake step, the case list and view, contacts,
// export, import, audit, settings, the start screen) Tab is pressed until
// the focus comes back to where it started, recording the focused item ids.
// Every named control (Probe) drawn on that screen that takes input, is
// enabled and is not deliberately left out of the Tab order
// (PushTabStop(false): the "…" buttons, docs/gui.md) must have been reached:
// those drawn before the first Tab and those drawn while tabbing (a list
// scrolled into view by Tab). Left out, and listed with the reason: while a
// modal dialog is open (the file browser) only its controls take the
// keyboard, by design; the screen behind it is walked on its own.
#include <catch2/catch_test_macros.hpp>

#include <imgui_internal.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "screen_walk.hpp"

using namespace safehold;

namespace {

constexpr int kMaxTabs = 400;

struct Wanted {
  std::map<std::string, ImGuiID> controls;  // probe name -> id
  std::set<std::string> behind_modal;
};

// The named controls drawn in this frame that Tab should reach.
void CollectWanted(Wanted& w) {
  const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
  for (const auto& [name, r] : gui::Probes()) {
    if (r.frame != ImGui::GetFrameCount() || !r.tab_stop) continue;
    if (modal != nullptr && r.root_window != modal->RootWindow->ID) {
      w.behind_modal.insert(name);
    } else {
      w.controls.emplace(name, r.id);
    }
  }
}

// Tabs until the focus returns to the first id seen; the ids reached.
std::set<ImGuiID> TabAround(test::HeadlessUi& ui, Wanted& wanted) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  std::set<ImGuiID> reached;
  ImGuiID first = 0;
  for (int i = 0; i < kMaxTabs; ++i) {
    ui.Press(ImGuiKey_Tab);
    CollectWanted(wanted);
    const ImGuiID now = g.NavId;
    if (now == 0) continue;
    if (first == 0) {
      first = now;
    } else if (now == first) {
      break;
    }
    reached.insert(now);
  }
  return reached;
}

}  // namespace

TEST_CASE("Tab order: Tab reaches every control on every screen", "[gui][headless][keyboard][tab]") {
  test::DemoApp d;
  test::HeadlessUi ui(d.app);
  std::vector<std::string> missing;
  int screens = 0;
  int controls = 0;
  int behind_modal = 0;
  test::WalkScreens(ui, d, [&](const std::string& screen) {
    if (screen == "intake.paused") return;  // one button, focused already
    ++screens;
    Wanted wanted;
    CollectWanted(wanted);
    const std::set<ImGuiID> reached = TabAround(ui, wanted);
    for (const auto& [name, id] : wanted.controls) {
      ++controls;
      if (reached.count(id) == 0) missing.push_back(screen + ": " + name);
    }
    for (const auto& name : wanted.behind_modal) {
      ++behind_modal;
      UNSCOPED_INFO("left out on " << screen << ", behind the modal dialog: " << name);
    }
    ui.Press(ImGuiKey_Escape);  // leave a field the last Tab entered
  });
  CHECK(screens >= 30);
  CHECK(controls >= 100);
  CHECK(behind_modal <= 15);  // the toolbar and the import screen behind the file browser
  for (const auto& m : missing) UNSCOPED_INFO("never reached by Tab: " << m);
  CHECK(missing.empty());
}
