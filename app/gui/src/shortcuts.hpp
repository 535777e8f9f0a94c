#pragma once
// Keyboard shortcuts of the intake (docs/gui.md, "Keyboard"). Taken from
// ImGui's input queue before NewFrame (TakeFromQueue), so they work from
// inside any field and no control (nor ImGui's PageDown navigation) also
// reacts to them. The quick-lock key is separate (it is a setting:
// AppShell::NoteQueuedInput).
namespace safehold::gui::shortcuts {

enum class Action { new_intake, next_step, previous_step, save, pause };

// Call once per frame before ImGui::NewFrame: removes the shortcut presses
// from the input queue and remembers them for Pressed().
void TakeFromQueue();
// Input queued behind a taken shortcut is held back from ImGui until the
// focus the shortcut moves is in place (at least kMinHoldFrames, then until
// ImGui has no focus request in flight, at most kMaxHoldFrames). Per frame:
// UpdateHold() first, TakeFromQueue(), StashHeldForNewFrame() right before
// ImGui::NewFrame and RestoreHeldAfterNewFrame() right after it. Held events
// stay in ImGui's queue between frames, so lock wipes held characters.
inline constexpr int kMinHoldFrames = 2;
inline constexpr int kMaxHoldFrames = 8;
void UpdateHold();
void StashHeldForNewFrame();
void RestoreHeldAfterNewFrame();
// Code moved the keyboard focus during this frame's drawing (an Add button's
// Enter opened a new record, FocusNextTextField): input still queued behind
// the key that did it is held back the same way until the new focus is in
// place, instead of reaching the old focus. Nothing changes while a hold is
// already running.
void HoldQueuedInput();
// True while input is held back (the host keeps drawing frames).
[[nodiscard]] bool HoldingInput();
// A context ends: nothing held may reach the next one.
void ForgetHeld();
// True in the frame the shortcut was pressed.
[[nodiscard]] bool Pressed(Action action);
// The intake step (0-based) whose shortcut was pressed in this frame:
// Ctrl+1 … Ctrl+9 for steps 1 to 9, Ctrl+0 for step 10; -1 if none.
[[nodiscard]] int StepPressed();
// The keys as shown to the user, e.g. "Ctrl+PageDown".
[[nodiscard]] const char* Keys(Action action);
// Tooltip naming the shortcut, for the item just drawn.
void Tooltip(Action action);

}  // namespace safehold::gui::shortcuts
