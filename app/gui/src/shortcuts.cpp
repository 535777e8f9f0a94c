#include "shortcuts.hpp"

#include <imgui.h>

namespace safehold::gui::shortcuts {
namespace {

ImGuiKey KeyOf(Action action) {
  switch (action) {
    case Action::new_intake: return ImGuiKey_N;
    case Action::next_step: return ImGuiKey_PageDown;
    case Action::previous_step: return ImGuiKey_PageUp;
    case Action::save: return ImGuiKey_S;
    case Action::pause: return ImGuiKey_P;
  }
  return ImGuiKey_None;
}

}  // namespace

bool Pressed(Action action) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl && !io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed(KeyOf(action), false);
}

const char* Keys(Action action) {
  switch (action) {
    case Action::new_intake: return "Ctrl+N";
    case Action::next_step: return "Ctrl+PageDown";
    case Action::previous_step: return "Ctrl+PageUp";
    case Action::save: return "Ctrl+S";
    case Action::pause: return "Ctrl+P";
  }
  return "";
}

void Tooltip(Action action) { ImGui::SetItemTooltip("%s", Keys(action)); }

}  // namespace safehold::gui::shortcuts
