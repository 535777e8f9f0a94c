#pragma once
// The frame of the app: picks the screen from the model, draws the toolbar,
// handles the quick-lock hotkey, feeds input activity to the auto-lock timer,
// clears ImGui's own text state on lock and after unlock, and clears the
// clipboard 30 s after the app copied record text.
#include <cstdint>
#include <optional>

#include "safehold/appmodel/app_model.hpp"
#include "screens.hpp"
#include "start_screen.hpp"
#include "ui_info.hpp"

namespace safehold::gui {

struct AppShell {
  explicit AppShell(appmodel::AppModel& app) : app_(&app) {}

  // Everything between ImGui::NewFrame() and ImGui::Render().
  void Draw();
  // Before NewFrame: notes a press of the quick-lock key in the input queue
  // (so a press and release within one frame still locks at the next Draw).
  void NoteQueuedInput();
  // Copies record text to the clipboard and starts the 30 s clear timer.
  void CopyToClipboard(const char* text);

  UiInfo ui;
  StartScreen start;
  ScreenStates screens;  // of the unlocked app (screens.hpp)

 private:
  void AfterLockOrUnlock();
  void DrawUnlocked();
  void DrawToolbar();
  void DrawBanners();  // demo, backup reminder, draft offer
  void ServiceClipboard();

  appmodel::AppModel* app_;
  std::uint64_t seen_lock_generation_ = 0;
  bool was_unlocked_ = false;
  bool quick_lock_queued_ = false;
  bool quick_lock_pressed_ = false;  // pressed; waits for the text queued before it
  std::optional<appmodel::Screen> drawn_screen_;  // the screen drawn last frame
};

// Wipes the text ImGui keeps outside our widgets' buffers: the active
// input-text state (text, initial text, undo stack), the formatting scratch
// buffer, queued input characters and the internal clipboard copy.
void WipeImGuiTextState();
// True while any key or mouse button is held (activity for auto-lock and redraws).
[[nodiscard]] bool AnyKeyOrButtonDown();

}  // namespace safehold::gui
