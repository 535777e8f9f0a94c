#include "exact_text.hpp"

#include <imgui_internal.h>  // ImGui::ClearActiveID
#include <imgui_stdlib.h>

#include <sodium.h>

#include <string_view>
#include <utility>

#include "safehold/appmodel/i18n.hpp"
#include "theme.hpp"
#include "shaped_text.hpp"
#include "shortcuts.hpp"
#include "stray_space.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {
namespace {

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

// Typing that no control took (focus on a button, a list, nothing): shown
// as a status line until this time (ImGui::GetTime()), 0 when not shown.
double g_stray_until = 0;
bool g_typing_taken = false;  // a control other than a text field used this frame's typing
constexpr double kStrayNoticeSeconds = 5.0;

// What ImGui's own filter lets into a field with `flags` (InputTextFilterCharacter
// is internal to imgui_widgets.cpp): no control characters but a line break
// in a multi-line field, no private-use code points, no blanks where the
// field takes none.
bool FieldTakes(ImWchar c, ImGuiInputTextFlags flags, bool multiline) {
  if (c == '\n') return multiline;
  if (c == '\t') return (flags & (ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CharsNoBlank)) ==
                         ImGuiInputTextFlags_AllowTabInput;
  if (c < 0x20 || c == 0x7F || (c >= 0xE000 && c <= 0xF8FF)) return false;
  if (c == ' ' && (flags & ImGuiInputTextFlags_CharsNoBlank) != 0) return false;
  return true;
}

// Issue 11: after Escape (LeaveOnEscapeKeepingText) the keyboard focus stays
// on the field but it is no longer edited, and ImGui drops what is typed
// next: half a sentence vanished when Escape was pressed by mistake. Typing
// while the focus is on this field and it is not edited re-enters it: the
// characters of this frame are appended to the stored text in the order
// typed (the field's cursor would be at its end), and the field is
// activated with the cursor at the end (ReenteredCursorToEnd), never with
// ImGui's select-all that the next character would replace. Until the field
// is active (activation takes a frame; ImGui ignores typing in the frame it
// activates a field from the keyboard) every frame's typing is appended here.
ImGuiID g_reentering = 0;

bool ReenterOnTyping(ImGuiID id, std::string& stored, const ExactTextOptions& o) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImVector<ImWchar>& typed = g.IO.InputQueueCharacters;
  if (typed.empty() || g.ActiveId != 0 || g.NavId != id || g.NavWindow == nullptr ||
      g.NavWindow->RootWindowForNav != ImGui::GetCurrentWindow()->RootWindowForNav) {
    return false;
  }
  constexpr ImGuiInputTextFlags kFiltered = ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_CharsDecimal |
                                            ImGuiInputTextFlags_CharsHexadecimal | ImGuiInputTextFlags_CharsUppercase |
                                            ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_CallbackCharFilter;
  if ((o.flags & kFiltered) != 0 || (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0) return false;
  bool changed = false;
  for (const ImWchar c : typed) {
    if (!FieldTakes(c, o.flags, o.multiline)) continue;
    char utf8[5] = {};
    stored.append(ImTextCharToUtf8(utf8, static_cast<unsigned>(c)));
    sodium_memzero(utf8, sizeof utf8);
    changed = true;
  }
  sodium_memzero(typed.Data, sizeof(ImWchar) * static_cast<std::size_t>(typed.Size));
  typed.resize(0);
  g_stray_until = 0;
  stray_space::EndRun();
  if (changed || g_reentering != id) {
    ImGui::ActivateItemByID(id);
    g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;  // edit it, whatever the last input device
    g_reentering = id;
  }
  return changed;
}

// The field re-entered by typing opens with the cursor after the text just
// appended, nothing selected (ImGui selects all of a single-line field
// activated from the keyboard, and the next character replaced it all).
void ReenteredCursorToEnd(ImGuiID id) {
  if (g_reentering != id) return;
  if (!ImGui::IsItemActivated()) return;
  g_reentering = 0;
  if (ImGuiInputTextState* state = ImGui::GetInputTextState(id)) {
    state->Stb.cursor = state->Stb.select_start = state->Stb.select_end = state->CurLenW;
    state->CursorFollow = true;
  }
}

}  // namespace

// ImGui reverts a field to the text it held when editing began when Escape
// is pressed in it: an account typed into "In their own words" would be gone
// (and the autosave would store the empty field). Leaving the field before
// ImGui sees the key keeps the text: the string already holds every edit.
void LeaveOnEscapeKeepingText(const char* label) {
  const ImGuiID id = ImGui::GetID(label);
  if (ImGui::GetActiveID() == id && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::ClearActiveID();
}

void NoteTypingTaken() { g_typing_taken = true; }

void ForgetTyping() {
  stray_space::Forget();
  g_stray_until = 0;
  g_typing_taken = false;
  g_reentering = 0;
}

void EndFrameTyping() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImVector<ImWchar>& typed = g.IO.InputQueueCharacters;
  const bool taken = std::exchange(g_typing_taken, false);
  if (typed.empty()) return;
  const bool into_field = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
  if (into_field || taken) {
    g_stray_until = 0;
    stray_space::EndRun();
    return;
  }
  // Space activates buttons and checkboxes: spaces alone went somewhere,
  // unless they were taken as text inside a run of stray typing.
  bool only_spaces = true;
  for (const ImWchar c : typed) only_spaces = only_spaces && c == ' ';
  if (stray_space::NoteStrayCharacters(!only_spaces)) g_stray_until = ImGui::GetTime() + kStrayNoticeSeconds;
  // Never written anywhere, and not left in ImGui's memory: this frame's
  // characters, their copies in the trail of processed events, and what
  // ImGui's erase left past the end of its event queue.
  sodium_memzero(typed.Data, sizeof(ImWchar) * static_cast<std::size_t>(typed.Size));
  typed.resize(0);
  for (ImGuiInputEvent& e : g.InputEventsTrail) {
    if (e.Type == ImGuiInputEventType_Text) e.Text.Char = 0;
  }
  ImVector<ImGuiInputEvent>& q = g.InputEventsQueue;
  sodium_memzero(q.Data + q.Size, sizeof(ImGuiInputEvent) * static_cast<std::size_t>(q.Capacity - q.Size));
}

void DrawStrayTypingNotice() {
  if (g_stray_until == 0) return;
  if (ImGui::GetTime() > g_stray_until) {
    g_stray_until = 0;
    return;
  }
  // A Space that would have pressed the focused control was taken as text.
  const char* key = stray_space::SpaceTakenAsTextRecently() ? "typing.not_in_field" : "typing.went_nowhere";
  Banner(WarningColor(), appmodel::tr(key));
  Probe(key);
}

// Keys typed in the same frame as the key that asked for this focus (Enter
// on "Add an incident") wait until the new field has it, as behind a
// shortcut: before, they went to the old focus.
void FocusNextTextField() {
  g_focus_next = true;
  shortcuts::HoldQueuedInput();
}

bool TakeFocusRequest() { return std::exchange(g_focus_next, false); }

void FocusNextItemVisibly() {
  ImGui::SetWindowFocus();
  ImGui::SetKeyboardFocusHere();
  ImGui::GetCurrentContext()->NavDisableHighlight = false;
}

bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& o) {
  LeaveOnEscapeKeepingText(label);
  const ImGuiID id = ImGui::GetID(label);
  const bool reentered = ReenterOnTyping(id, stored, o);
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
  ReenteredCursorToEnd(id);
  changed = changed || reentered;
  if (o.probe != nullptr) Probe(o.probe);
  if (o.multiline) WrappedView(stored, ImGui::GetItemRectSize().x, o.probe);
  // The field edits logical order; a shaped right-to-left line shows how
  // it reads.
  ShapedPreview(stored);
  return changed;
}

}  // namespace safehold::gui
