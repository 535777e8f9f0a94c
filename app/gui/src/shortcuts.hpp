#pragma once
// Keyboard shortcuts of the intake (docs/gui.md, "Keyboard"). Read with
// ImGui::IsKeyPressed, which sees a key even while a text field owns it, so
// they work from inside any field. The quick-lock key is separate (it is a
// setting and is read from the input queue: AppShell::NoteQueuedInput).
namespace safehold::gui::shortcuts {

enum class Action { new_intake, next_step, previous_step, save, pause };

// True in the frame the shortcut was pressed.
[[nodiscard]] bool Pressed(Action action);
// The keys as shown to the user, e.g. "Ctrl+PageDown".
[[nodiscard]] const char* Keys(Action action);
// Tooltip naming the shortcut, for the item just drawn.
void Tooltip(Action action);

}  // namespace safehold::gui::shortcuts
