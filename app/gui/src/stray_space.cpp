#include "stray_space.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the processed-events trail, the nav activation ids

#include <limits>

namespace safehold::gui::stray_space {
namespace {

constexpr double kNever = -std::numeric_limits<double>::infinity();
constexpr double kNoticeSeconds = 5.0;  // as the "typing went nowhere" line
double g_run_last = kNever;   // ImGui time of the run's last stray character
double g_taken_at = kNever;   // ImGui time a Space was last taken as text
int g_taken = 0;

bool InRun(double now) { return now - g_run_last < kRunPause; }

// Keys that move, confirm, leave or edit: after them the caseworker knows
// where the focus is, so the next Space is a press again.
bool EndsRun(ImGuiKey key) {
  switch (key) {
    case ImGuiKey_Tab: case ImGuiKey_LeftArrow: case ImGuiKey_RightArrow: case ImGuiKey_UpArrow:
    case ImGuiKey_DownArrow: case ImGuiKey_PageUp: case ImGuiKey_PageDown: case ImGuiKey_Home: case ImGuiKey_End:
    case ImGuiKey_Insert: case ImGuiKey_Delete: case ImGuiKey_Backspace: case ImGuiKey_Enter:
    case ImGuiKey_KeypadEnter: case ImGuiKey_Escape:
      return true;
    default:
      return key >= ImGuiKey_F1 && key <= ImGuiKey_F24;
  }
}

bool TextFieldActive(const ImGuiContext& g) { return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID; }

}  // namespace

void AfterNewFrame() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  bool space_in_run = false;
  for (const ImGuiInputEvent& e : g.InputEventsTrail) {
    if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Down) g_run_last = kNever;
    if (e.Type != ImGuiInputEventType_Key || !e.Key.Down) continue;
    if (EndsRun(e.Key.Key)) {
      g_run_last = kNever;
      space_in_run = false;
    } else if (e.Key.Key == ImGuiKey_Space) {
      space_in_run = InRun(g.Time);
    }
  }
  // The press NavUpdate just made from the Space key, on the focused control
  // (nothing is active): no control sees it.
  if (!space_in_run || TextFieldActive(g) || g.ActiveId != 0 || g.NavActivatePressedId == 0 ||
      g.NavActivatePressedId != g.NavId) {
    return;
  }
  g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = 0;
  g.NavActivateFlags = ImGuiActivateFlags_None;
  g_run_last = g.Time;  // the space is part of the sentence
  g_taken_at = g.Time;
  ++g_taken;
}

bool NoteStrayCharacters(bool printable) {
  const double now = ImGui::GetTime();
  if (printable || InRun(now)) {
    g_run_last = now;
    return true;
  }
  return false;
}

void EndRun() { g_run_last = kNever; }

bool SpaceTakenAsTextRecently() { return ImGui::GetTime() - g_taken_at < kNoticeSeconds; }

int SpacesTakenAsText() { return g_taken; }

void Forget() {
  g_run_last = kNever;
  g_taken_at = kNever;
}

}  // namespace safehold::gui::stray_space
