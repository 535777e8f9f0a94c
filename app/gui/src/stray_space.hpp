#pragma once
// Issue 11: a caseworker who believes the cursor is in a text field types a
// sentence while the keyboard focus is on a radio button, checkbox or
// button. Letters do nothing there, but every Space pressed the focused
// control: a consent answer or a choice could be recorded by typing.
//
// Decision: while a run of typing that no control took is going on (a
// printable character went nowhere less than kRunPause ago, with no Tab,
// arrow, Enter, Escape, editing key or click since), Space is text, not
// activation: the press is cancelled before any control sees it, and the
// status line says "You are not in a text field: what you type is not
// recorded". Space alone — after a pause, after Tab or the arrows, or as the
// first key — still presses the focused control: keyboard users rely on it.
// Space in a text field is never touched (it is text there anyway).
namespace safehold::gui::stray_space {

inline constexpr double kRunPause = 1.0;  // seconds (ImGui time)

// Right after ImGui::NewFrame, before anything is drawn: reads the input
// events NewFrame processed and cancels a Space activation inside a run.
void AfterNewFrame();
// EndFrameTyping: characters typed this frame went into no field and no
// control took them. `printable`: other than spaces (they start or extend a
// run; spaces only extend one). Returns true if they count as stray typing
// (spaces outside a run pressed a control: they went somewhere).
bool NoteStrayCharacters(bool printable);
// Typing went into a field or a control: the run is over.
void EndRun();
// True for kNoticeSeconds after a Space was taken as text: the status line
// names the reason.
[[nodiscard]] bool SpaceTakenAsTextRecently();
// Presses cancelled so far (tests).
[[nodiscard]] int SpacesTakenAsText();
// A context ends (lock): nothing carries over.
void Forget();

}  // namespace safehold::gui::stray_space
