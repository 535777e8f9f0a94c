#include "ui_runtime.hpp"

#include <imgui_internal.h>  // the input event queue

#include "exact_text.hpp"
#include "safehold/appmodel/wiping_allocator.hpp"
#include "shortcuts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace safehold::gui {

bool InputPending() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && g->InputEventsQueue.Size > 0;
}

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
  ImGui::DestroyContext(ctx_);
}

bool UiRuntime::PrepareFonts() {
  const auto& s = app_->settings();
  ImGuiIO& io = ImGui::GetIO();
  glyphs_.BeforeFrame(io);
  bool want = fonts_.body == nullptr || built_px_ != s.font_px || built_lang_ != s.language;
  if (glyphs_lock_generation_ != app_->lock_generation()) {
    glyphs_lock_generation_ = app_->lock_generation();
    want = glyphs_.Clear() || want;  // drop glyphs of the locked session's text
  }
  const double now = ImGui::GetTime();
  want = glyphs_.RebuildDue(fonts_.body, fonts_.heading, now) || want;
  bool rebuilt = false;
  if (want) {
    fonts_ = BuildFonts(*io.Fonts, s.font_px, s.language, glyphs_.Extra());
    glyphs_.Rebuilt(now);
    ++font_builds_;
    built_px_ = s.font_px;
    built_lang_ = s.language;
    SetHeadingFont(fonts_.heading);
    shell.ui.cjk_font_found = fonts_.cjk_found;
    shell.ui.font_px = s.font_px;
    rebuilt = true;
  }
  if (applied_theme_px_ != s.font_px || applied_theme_ != s.theme) {
    ApplyTheme(s.theme, s.font_px);
    applied_theme_ = s.theme;
    applied_theme_px_ = s.font_px;
  }
  return rebuilt;
}

void UiRuntime::Frame() {
  shell.NoteQueuedInput();  // the quick-lock key, before NewFrame consumes the queue
  shortcuts::TakeFromQueue();  // Ctrl+PageDown etc., before ImGui's navigation sees them
  ImGui::NewFrame();
  shell.Draw();
  ImGui::Render();
}

}  // namespace safehold::gui
