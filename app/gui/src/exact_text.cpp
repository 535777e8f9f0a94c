#include "exact_text.hpp"

#include <imgui_internal.h>  // ImGui::ClearActiveID
#include <imgui_stdlib.h>

#include <string_view>
#include <utility>

#include "safehold/appmodel/i18n.hpp"
#include "theme.hpp"
#include "shaped_text.hpp"
#include "ui_probe.hpp"

namespace safehold::gui {
namespace {

// ImGui reverts a field to the text it held when editing began when Escape
// is pressed in it: an account typed into "In their own words" would be gone
// (and the autosave would store the empty field). Leaving the field before
// ImGui sees the key keeps the text: the string already holds every edit.
void LeaveOnEscapeKeepingText(const char* label) {
  const ImGuiID id = ImGui::GetID(label);
  if (ImGui::GetActiveID() == id && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::ClearActiveID();
}

// True if a line of `text` is wider than `width` (ImGui's multi-line field
// scrolls sideways instead of wrapping).
bool HasLineWiderThan(std::string_view text, float width) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const char* b = text.data() + start;
    if (ImGui::CalcTextSize(b, text.data() + end).x > width) return true;
    start = end + 1;
  }
  return false;
}

// Dear ImGui 1.90's multi-line field does not word-wrap. Under a field whose
// text has a line too long for it, the whole text is shown again, wrapped and
// read-only, so the start of a long account never scrolls out of sight.
void WrappedView(const std::string& text, float field_width, const char* probe) {
  if (!HasLineWiderThan(text, field_width - ImGui::GetStyle().FramePadding.x * 2)) return;
  ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
  ImGui::TextUnformatted(appmodel::tr("text.wrapped_view"));
  ImGui::PopStyleColor();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + field_width);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());  // unformatted: no 3 KB cut
  ImGui::PopTextWrapPos();
  if (probe != nullptr) Probe((std::string(probe) + ".wrapped").c_str());
}

bool g_focus_next = false;

// A long text reached by the keyboard (a step opening on it, Tab) is
// continued, not started again: ImGui puts the cursor of a multi-line field
// at its start, and what was typed next went in front of the account. A
// click keeps the cursor where it was clicked.
void CursorToEndUnlessClicked(ImGuiID id) {
  if (ImGui::GetCurrentContext()->ActiveIdSource == ImGuiInputSource_Mouse) return;
  if (ImGuiInputTextState* state = ImGui::GetInputTextState(id)) {
    state->Stb.cursor = state->Stb.select_start = state->Stb.select_end = state->CurLenW;
    state->CursorFollow = true;
  }
}

}  // namespace

void FocusNextTextField() { g_focus_next = true; }

bool TakeFocusRequest() { return std::exchange(g_focus_next, false); }

void FocusNextItemVisibly() {
  ImGui::SetWindowFocus();
  ImGui::SetKeyboardFocusHere();
  ImGui::GetCurrentContext()->NavDisableHighlight = false;
}

bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& o) {
  LeaveOnEscapeKeepingText(label);
  if (g_focus_next) {
    ImGui::SetWindowFocus();  // the window may not have the focus yet (nothing clicked since unlock)
    ImGui::SetKeyboardFocusHere();
    g_focus_next = false;
  }
  bool changed = false;
  if (o.multiline) {
    changed = ImGui::InputTextMultiline(label, &stored, o.size, o.flags);
    if (ImGui::IsItemActivated()) CursorToEndUnlessClicked(ImGui::GetItemID());
  } else if (o.hint != nullptr) {
    changed = ImGui::InputTextWithHint(label, o.hint, &stored, o.flags);
  } else {
    changed = ImGui::InputText(label, &stored, o.flags);
  }
  if (o.probe != nullptr) Probe(o.probe);
  if (o.multiline) WrappedView(stored, ImGui::GetItemRectSize().x, o.probe);
  // The field edits logical order; a shaped right-to-left line shows how
  // it reads.
  ShapedPreview(stored);
  return changed;
}

}  // namespace safehold::gui
