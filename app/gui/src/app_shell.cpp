#include "app_shell.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <string>

#include "backup_screen.hpp"
#include "clipboard_bridge.hpp"
#include "draft_offer_panel.hpp"
#include "exact_text.hpp"
#include "form_widgets.hpp"
#include "shortcuts.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::Screen;
using appmodel::tr;

void WipeImGuiTextState() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ForgetTyping();
  ImGui::ClearActiveID();
  g.InputTextState.ClearFreeMemory();
  sodium_memzero(&g.InputTextState.Stb, sizeof(g.InputTextState.Stb));
  g.InputTextState.ID = 0;
  g.InputTextDeactivatedState.ClearFreeMemory();  // the text of a field left this frame
  sodium_memzero(g.TempBuffer.Data, static_cast<std::size_t>(g.TempBuffer.Size));
  g.ClipboardHandlerData.clear();
  g.IO.InputQueueCharacters.clear();
  // Typed characters still waiting in the input queue (keys stay: a key
  // release must still arrive).
  for (int i = g.InputEventsQueue.Size - 1; i >= 0; --i) {
    if (g.InputEventsQueue[i].Type == ImGuiInputEventType_Text) g.InputEventsQueue.erase(&g.InputEventsQueue[i]);
  }  // (including those held back behind a shortcut: they stay in the queue)
}

bool AnyKeyOrButtonDown() {
  for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k) {
    if (ImGui::IsKeyDown(static_cast<ImGuiKey>(k))) return true;
  }
  return false;
}

// Reads the press itself from ImGui's input queue, before NewFrame: a tap
// whose press and release arrive between two frames still counts, whatever
// the queue's trickling does with it. Modifiers are followed event by event
// from their state at the end of the last frame.
void AppShell::NoteQueuedInput() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  bool ctrl = g.IO.KeyCtrl;
  bool shift = g.IO.KeyShift;
  const auto chosen = app_->settings().quick_lock;
  // A lock key behind text still waiting locks only once that text is in
  // its field (no text left in the queue): a lock taken at once dropped the
  // last characters typed before Ctrl+L. Also without ImGui's trickling,
  // which hands the text and the key over in one frame.
  bool text_ahead = false;  // text queued before the lock key still in the queue
  bool key_seen = false;
  for (const ImGuiInputEvent& e : g.InputEventsQueue) {
    if (e.Type == ImGuiInputEventType_Text && !key_seen) text_ahead = true;
    if (e.Type != ImGuiInputEventType_Key) continue;
    const ImGuiKey key = e.Key.Key;
    if (key == ImGuiMod_Ctrl) ctrl = e.Key.Down;
    if (key == ImGuiMod_Shift) shift = e.Key.Down;
    if (!e.Key.Down) continue;
    const bool hit = chosen == appmodel::QuickLockKey::f12
                         ? key == ImGuiKey_F12
                         : key == ImGuiKey_L && ctrl &&
                               shift == (chosen == appmodel::QuickLockKey::ctrl_shift_l);
    if (hit) quick_lock_pressed_ = key_seen = true;
  }
  if (quick_lock_pressed_ && !(key_seen && text_ahead)) {
    quick_lock_queued_ = true;
    quick_lock_pressed_ = false;
  }
}

void AppShell::AfterLockOrUnlock() {
  WipeImGuiTextState();
  ClearFormWidgetState();
  start = StartScreen{};
  screens = ScreenStates{};
}

void AppShell::CopyToClipboard(const char* text) {
  SetHostClipboardText(text);  // stored text: no stand-ins to map
  app_->clipboard.copied(text);
}

void AppShell::ServiceClipboard() {
  if (!app_->clipboard.clear_due()) return;
  const char* now = HostClipboardText();  // unmapped, as it was copied
  if (now != nullptr && app_->clipboard.still_ours(now)) SetHostClipboardText("");
  app_->clipboard.forget();
}

void AppShell::Draw() {
  const ImGuiIO& io = ImGui::GetIO();
  bool had_input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                   io.InputQueueCharacters.Size > 0;
  had_input |= AnyKeyOrButtonDown();  // keys and mouse buttons

  if (app_->unlocked() && quick_lock_queued_) app_->lock();
  quick_lock_queued_ = false;
  app_->tick(had_input);
  ServiceClipboard();

  if (app_->lock_generation() != seen_lock_generation_ || app_->unlocked() != was_unlocked_) {
    seen_lock_generation_ = app_->lock_generation();
    was_unlocked_ = app_->unlocked();
    AfterLockOrUnlock();
  }

  if (!app_->unlocked()) {
    start.Draw(*app_, ui);
  } else {
    DrawUnlocked();
  }
  EndFrameTyping();  // typing no control took: wiped, and said so
}

void AppShell::DrawToolbar() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto button_width = [&](const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
  };
  const std::string lock_label = std::string(tr("nav.lock")) + " (" +
                                 appmodel::quick_lock_label(app_->settings().quick_lock) + ")###lock";
  const float lock_w = button_width(lock_label);
  const float right = ImGui::GetWindowContentRegionMax().x;
  // The buttons flow onto a second row when the window is narrow (1024×640
  // at 200 % text) instead of running past its right edge.
  bool first = true;
  for (const auto& item : Screens()) {
    if (item.toolbar_key == nullptr) continue;
    const bool current = app_->screen() == item.id;
    std::string label = std::string(tr(item.toolbar_key)) + "###" + item.toolbar_key;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + button_width(label) > right) ImGui::NewLine();
    }
    first = false;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label.c_str())) app_->go(item.id);
    if (item.shortcut) shortcuts::Tooltip(*item.shortcut);
    Probe(item.toolbar_key);
    if (current) ImGui::PopStyleColor();
  }
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + lock_w > right) {
    ImGui::NewLine();
    ImGui::SetCursorPosX(right - lock_w);
  } else {
    ImGui::SameLine(right - lock_w);
  }
  if (ImGui::Button(lock_label.c_str())) app_->lock();
  Probe("nav.lock");
  // Short and said once: stays in sight whatever the screen's scroll.
  if (app_->status_key() != nullptr) {
    Banner(WarningColor(), tr(app_->status_key()));
    if (ImGui::SmallButton(tr("status.dismiss"))) app_->clear_status();
  }
  DrawStrayTypingNotice();
  ImGui::Separator();
}

// Drawn at the top of the screen's own scrolling area, not in the toolbar:
// at 200 % on a 1024x640 screen the demo banner and the backup reminder's
// wrapped lines took over half the window above it, and controls low in
// the case view and the intake could not be reached by the mouse wheel.
// Where there is room nothing scrolls, and they look as before.
void AppShell::DrawBanners() {
  if (app_->demo) Banner(WarningColor(), tr("demo.banner"));
  DrawBackupReminder(*app_);
  if (app_->backup_reminder() || app_->demo) ImGui::Separator();
  DrawDraftOffer(*app_);
}

void AppShell::DrawUnlocked() {
  for (const auto& item : Screens()) {
    if (!item.shortcut || !shortcuts::Pressed(*item.shortcut)) continue;
    app_->go(item.id);
    if (item.on_shortcut != nullptr) item.on_shortcut(screens, *app_);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("###main", nullptr, flags);
  DrawToolbar();
  // All screens share this scrolling area: another screen opens at its top,
  // not at the scroll position the one before was left at (Settings opened
  // half-way down after a scrolled case list, its first rows out of sight).
  if (drawn_screen_ != app_->screen()) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  drawn_screen_ = app_->screen();
  ImGui::BeginChild("###screen", ImVec2(0, 0), 0, ImGuiWindowFlags_NavFlattened);  // Tab crosses into it
  DrawBanners();
  if (const ScreenEntry* shown = FindScreen(app_->screen())) {
    shown->draw(screens, *app_);
  } else {
    WrappedColored(MutedColor(), tr("screen.not_available"));
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace safehold::gui
