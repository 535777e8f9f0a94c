#include "ui_runtime.hpp"

#include <imgui_internal.h>  // the input event queue

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "exact_text.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"
#include "safehold/appmodel/wiping_allocator.hpp"
#include "shortcuts.hpp"
#include "stray_space.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace safehold::gui {

bool InputPending() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && (g->InputEventsQueue.Size > 0 || shortcuts::HoldingInput());
}

float ContentScaleFromEnvironment() {
  const char* v = std::getenv("SAFEHOLD_UI_SCALE");
  if (v == nullptr || *v == '\0') return 0;
  char* end = nullptr;
  const float f = std::strtof(v, &end);
  if (end == nullptr || *end != '\0' || !(f >= 0.5f && f <= 4.0f)) return 0;
  return f;
}

void UiRuntime::SetContentScale(float scale) {
  if (!(scale > 0)) scale = 1.0f;  // NaN or a monitor that reports nothing
  content_scale_ = std::clamp(scale, 0.5f, 4.0f);
}

float UiRuntime::drawn_font_px() const { return std::round(app_->settings().font_px * content_scale_); }

UiRuntime::UiRuntime(appmodel::AppModel& app) : shell(app), app_(&app) {
  ImGui::SetAllocatorFunctions(appmodel::wiping_alloc, appmodel::wiping_free, nullptr);
  ctx_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini: window layout would leak activity
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = true;
}

UiRuntime::~UiRuntime() {
  WipeImGuiTextState();
  shortcuts::ForgetHeld();
  ImGui::DestroyContext(ctx_);
}

bool UiRuntime::PrepareFonts() {
  const auto& s = app_->settings();
  ImGuiIO& io = ImGui::GetIO();
  glyphs_.BeforeFrame(io);
  const float px = drawn_font_px();
  bool want = fonts_.body == nullptr || built_px_ != px || built_lang_ != s.language;
  if (glyphs_lock_generation_ != app_->lock_generation()) {
    glyphs_lock_generation_ = app_->lock_generation();
    want = glyphs_.Clear() || want;  // drop glyphs of the locked session's text
  }
  // The first screen's glyphs until a vault is open; then the full set, for
  // good (fonts.hpp: GlyphScope).
  if (!full_glyphs_ && app_->unlocked()) {
    full_glyphs_ = true;
    want = true;
  }
  // The folder on the start screen (a HOME with a Chinese name) is not
  // typed, so glyph growth would not see it.
  if (!app_->unlocked() && app_->start.folder != noted_folder_) {
    noted_folder_ = app_->start.folder;
    appmodel::shown_codepoints().add_utf8(noted_folder_);
  }
  const double now = ImGui::GetTime();
  want = glyphs_.RebuildDue(fonts_.body, fonts_.heading, now) || want;
  bool rebuilt = false;
  if (want) {
    fonts_ = BuildFonts(*io.Fonts, px, s.language, glyphs_.Extra(),
                        full_glyphs_ ? GlyphScope::full : GlyphScope::first_screen);
    glyphs_.Rebuilt(now);
    ++font_builds_;
    built_px_ = px;
    built_lang_ = s.language;
    SetHeadingFont(fonts_.heading);
    shell.ui.cjk_font_found = fonts_.cjk_found;
    shell.ui.font_px = px;
    rebuilt = true;
  }
  if (applied_theme_px_ != px || applied_theme_ != s.theme) {
    ApplyTheme(s.theme, px);
    applied_theme_ = s.theme;
    applied_theme_px_ = px;
  }
  return rebuilt;
}

namespace {

// Whether the keyboard focus (NavId) was drawn in the last frame. ImGui sets
// NavIdIsAlive when it sees the focused item but never clears it per frame;
// it is cleared here after NewFrame (which reads last frame's value).
bool g_nav_id_drawn = false;

bool TabWaiting(const ImGuiContext& g) {
  for (const ImGuiInputEvent& e : g.InputEventsQueue) {
    if (e.Type == ImGuiInputEventType_Key && e.Key.Key == ImGuiKey_Tab && e.Key.Down) return true;
  }
  return false;
}

}  // namespace

// Issue 11: Tab went nowhere when the keyboard focus was on nothing (a
// screen opened from a toolbar button by code, after Escape) or on an item
// no longer drawn (the previous screen's): ImGui's Tab moves on from the
// focused item, and with none found it stays put, for ever. With such a
// focus and a Tab waiting, the focus frame is hidden first: ImGui's Tab then
// starts at the window's first control (NavUpdateCreateTabbingRequest:
// direction 0), in the window's focus scope. Never while a focus request is in flight (FocusNextItemVisibly
// shows the frame on purpose, and its item is not drawn yet).
void StartTabAtFirstControlIfFocusGone() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool focus_gone = g.NavId == 0 || !g_nav_id_drawn;
  const bool request_in_flight = g.NavMoveSubmitted || g.NavMoveScoringItems || g.NavNextActivateId != 0;
  if (focus_gone && g.ActiveId == 0 && g.NavWindow != nullptr && !request_in_flight && TabWaiting(g)) {
    g.NavDisableHighlight = true;
    // Tab stops only at items of the focus scope it starts in; a focus that
    // was cleared left none (0), so nothing qualified. The window's own.
    g.NavFocusScopeId = g.NavWindow->NavRootFocusScopeId;
  }
}

void UiRuntime::Frame() {
  shortcuts::UpdateHold();  // input behind a shortcut waits until its focus is in place
  shell.NoteQueuedInput();  // the quick-lock key, before NewFrame consumes the queue
  shortcuts::TakeFromQueue();  // Ctrl+PageDown etc., before ImGui's navigation sees them
  shortcuts::StashHeldForNewFrame();
  StartTabAtFirstControlIfFocusGone();
  ImGui::NewFrame();
  stray_space::AfterNewFrame();  // a Space inside stray typing presses nothing
  ImGui::GetCurrentContext()->NavIdIsAlive = false;  // set again when the focused item is drawn
  shortcuts::RestoreHeldAfterNewFrame();
  shell.Draw();
  g_nav_id_drawn = ImGui::GetCurrentContext()->NavIdIsAlive;
  ImGui::Render();
}

}  // namespace safehold::gui
