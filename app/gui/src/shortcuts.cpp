#include "shortcuts.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <vector>

#include <sodium.h>

namespace safehold::gui::shortcuts {
namespace {

constexpr std::array kActions = {Action::new_intake, Action::next_step, Action::previous_step, Action::save,
                                 Action::pause};

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

bool IsModifierKey(ImGuiKey key) {
  return (key >= ImGuiKey_LeftCtrl && key <= ImGuiKey_RightSuper) || (key & ImGuiMod_Mask_) != 0;
}

// Presses taken from the input queue before this frame's NewFrame.
std::array<bool, kActions.size()> g_pressed{};
int g_step = -1;  // Ctrl+1 … Ctrl+9, Ctrl+0: intake step 0 … 9

// Holding input behind a taken shortcut (g_holding) and for how many frames
// so far; g_stash holds the queue only while NewFrame runs.
bool g_holding = false;
int g_held_frames = 0;
std::vector<ImGuiInputEvent> g_stash;
int g_stash_from = 0;  // in the frame a shortcut is taken: the events before it go through

// ImGui has no focus request in flight: SetKeyboardFocusHere's move request
// is scored and applied (NavMoveSubmitted / NavMoveScoringItems), and the
// item it found was activated (NavNextActivateId).
bool FocusSettled(const ImGuiContext& g) {
  return !g.NavMoveSubmitted && !g.NavMoveScoringItems && g.NavNextActivateId == 0;
}

int StepOfKey(ImGuiKey key) {
  if (key == ImGuiKey_0) return 9;
  if (key >= ImGuiKey_1 && key <= ImGuiKey_9) return key - ImGuiKey_1;
  return -1;
}

}  // namespace

// Why hold: a step shortcut changes the step at the end of the frame, and the
// new step puts the cursor in its first field a few frames later (focus
// request, then ImGui's scoring, then activation). Text typed right behind
// Ctrl+3 in the same frame went to the old step's field (or was lost).
// Held events stay in ImGui's queue between frames: AddKeyEvent drops an
// event equal to the latest state it finds there, so events taken out of it
// made a later Ctrl press or key release vanish (a stuck key). They leave it
// only while NewFrame runs.
void UpdateHold() {
  if (!g_holding) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  ++g_held_frames;
  if (g_held_frames >= kMinHoldFrames && (FocusSettled(g) || g_held_frames >= kMaxHoldFrames)) {
    g_holding = false;
  }
}

void StashHeldForNewFrame() {
  if (!g_holding) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const int from = std::min(g_stash_from, g.InputEventsQueue.Size);
  g_stash_from = 0;
  g_stash.assign(g.InputEventsQueue.begin() + from, g.InputEventsQueue.end());
  sodium_memzero(g.InputEventsQueue.Data + from,
                 sizeof(ImGuiInputEvent) * static_cast<std::size_t>(g.InputEventsQueue.Size - from));
  g.InputEventsQueue.resize(from);
}

void RestoreHeldAfterNewFrame() {
  if (g_stash.empty()) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  // What NewFrame left (trickling) of the events before a shortcut taken
  // this frame is older than the held events and stays in front of them.
  for (const auto& e : g_stash) g.InputEventsQueue.push_back(e);
  sodium_memzero(g_stash.data(), sizeof(ImGuiInputEvent) * g_stash.size());
  g_stash.clear();
}

void HoldQueuedInput() {
  if (g_holding) return;
  g_holding = true;
  g_held_frames = 0;
  g_stash_from = 0;  // NewFrame has taken what came before: everything still queued is behind
}

bool HoldingInput() { return g_holding; }

void ForgetHeld() {
  sodium_memzero(g_stash.data(), sizeof(ImGuiInputEvent) * g_stash.size());
  g_stash.clear();
  g_holding = false;
  g_held_frames = 0;
}

// Why from the queue: ImGui's keyboard navigation reads PageDown/PageUp in
// NewFrame whatever the modifiers (NavUpdatePageUpPageDown ignores Ctrl), so
// Ctrl+PageDown also moved the focus a page down (to the last radio button,
// which a typed space then ticked). And io.KeyCtrl is the state at the end
// of the trickled events, so a Ctrl released in the same frame as the key
// went down hid the press. Here modifiers are followed event by event, and a
// shortcut's key press is removed from the queue so no control ever sees it
// (its release stays: releasing a key that is up changes nothing). Only a
// press with nothing but modifiers and key releases before it is taken:
// ImGui trickles typed keys one per frame, and a shortcut must not jump
// ahead of text still waiting (the rest of it would land in the next step).
// At most one shortcut is taken per frame.
void TakeFromQueue() {
  g_pressed.fill(false);
  g_step = -1;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g_holding) return;  // nothing is taken while input is held back
  bool ctrl = g.IO.KeyCtrl;
  bool shift = g.IO.KeyShift;
  bool alt = g.IO.KeyAlt;
  for (int i = 0; i < g.InputEventsQueue.Size;) {
    const ImGuiInputEvent& e = g.InputEventsQueue[i];
    bool taken = false;
    if (e.Type == ImGuiInputEventType_Text || e.Type == ImGuiInputEventType_MouseButton) break;
    if (e.Type == ImGuiInputEventType_Key) {
      const ImGuiKey key = e.Key.Key;
      if (key == ImGuiMod_Ctrl) ctrl = e.Key.Down;
      if (key == ImGuiMod_Shift) shift = e.Key.Down;
      if (key == ImGuiMod_Alt) alt = e.Key.Down;
      for (std::size_t a = 0; a < kActions.size() && e.Key.Down && ctrl && !shift && !alt; ++a) {
        if (KeyOf(kActions[a]) == key) g_pressed[a] = taken = true;
      }
      if (!taken && e.Key.Down && ctrl && !shift && !alt && StepOfKey(key) >= 0) {
        g_step = StepOfKey(key);
        taken = true;
      }
      if (!taken && e.Key.Down && !IsModifierKey(key)) break;  // wait until ImGui has it
    }
    if (taken) {
      // One shortcut per frame: Ctrl+0 then Ctrl+S waiting together must
      // change the step first and save in the next frame, on that step (both
      // in one frame lost the save: it was checked on the old step).
      g.InputEventsQueue.erase(&g.InputEventsQueue[i]);
      // What follows waits until the focus the shortcut moves is in place.
      g_holding = true;
      g_held_frames = 0;
      g_stash_from = i;
      break;
    } else {
      ++i;
    }
  }
}

bool Pressed(Action action) {
  for (std::size_t a = 0; a < kActions.size(); ++a) {
    if (kActions[a] == action) return g_pressed[a];
  }
  return false;
}

int StepPressed() { return g_step; }

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
