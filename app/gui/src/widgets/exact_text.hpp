#pragma once
// The app's text field for stored text (every record field, searches, names,
// file names). Dear ImGui is built with 32-bit ImWchar (docs/gui.md), so
// every Unicode character, those outside the BMP included, is typed, pasted,
// edited and stored exactly. One place for every stored-text field.
#include <imgui.h>

#include <string>

namespace safehold::gui {

struct ExactTextOptions {
  const char* hint = nullptr;  // single-line only
  ImGuiInputTextFlags flags = 0;
  bool multiline = false;
  ImVec2 size{0, 0};            // multiline only
  const char* probe = nullptr;  // Probe() name of the field
};

// The next InputTextExact drawn takes the keyboard focus (a step of a form
// opens with the cursor in its first field, without pressing any button).
void FocusNextTextField();
// Takes a pending FocusNextTextField() request (true if there was one), for
// a step with no text field: it focuses its first button instead.
[[nodiscard]] bool TakeFocusRequest();
// The next item drawn (a button too) gets the keyboard focus, shown with the
// focus frame so Enter and Space act on it at once. ImGui ignores Enter and
// Space while the frame is hidden (after a mouse move, or focus set by code).
void FocusNextItemVisibly();

// Typing that goes nowhere (issue 11). Typing while the keyboard focus is
// on a stored-text field that is not being edited (after Escape) re-enters
// the field and appends it (InputTextExact). Typing that no control takes
// is never written anywhere and shows a status line instead of vanishing
// silently:
// a control that uses typed characters itself (type-to-select in a combo)
// calls NoteTypingTaken() in the frame it used them;
void NoteTypingTaken();
// the shell calls EndFrameTyping() once per frame after drawing every
// screen (it wipes typing no control took and starts the notice), and
// DrawStrayTypingNotice() where the status line goes.
void EndFrameTyping();
void DrawStrayTypingNotice();
// Lock, unlock, a context ends: no notice or re-entry carries over.
void ForgetTyping();

// Call right before an InputText labelled `label`: Escape in it leaves the
// field and keeps what was typed (ImGui would revert it). Every field of
// the app, passphrase fields included (docs/gui.md, "Text fields").
void LeaveOnEscapeKeepingText(const char* label);

// InputText over `stored` (UTF-8 as stored); true when `stored` changed.
bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& options = {});

}  // namespace safehold::gui
