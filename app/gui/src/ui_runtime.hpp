#pragma once
// One ImGui context configured the Safehold way, with its fonts and the app
// shell. Used by the real window (main.cpp), the headless tests and the
// benchmark, so all three run the same code.
//
// Contract: the context allocates through the wiping allocator, writes no
// imgui.ini and no log file, and enables keyboard navigation. The host calls
// PrepareFonts() before each frame, after queueing input (it returns true
// when the atlas was rebuilt — settings changed, or glyphs were missing for
// text shown, typed or pasted — and the GPU texture must be re-uploaded),
// then Frame().
#include <imgui.h>

#include <string>

#include "app_shell.hpp"
#include "fonts.hpp"
#include "glyph_growth.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

// $SAFEHOLD_UI_SCALE (0.5–4, e.g. "2" for 200 %) if set and valid, else 0:
// overrides the monitor's content scale (tests, monitors that report none).
[[nodiscard]] float ContentScaleFromEnvironment();

// True when ImGui's input queue holds events not yet processed by a frame.
[[nodiscard]] bool InputPending();

class UiRuntime {
 public:
  explicit UiRuntime(appmodel::AppModel& app);
  ~UiRuntime();
  UiRuntime(const UiRuntime&) = delete;
  UiRuntime& operator=(const UiRuntime&) = delete;

  bool PrepareFonts();
  // Text shown lacks glyphs that the next PrepareFonts() after the rebuild
  // rate limit (GlyphGrowth::kMinInterval) adds: the host draws again then.
  [[nodiscard]] bool GlyphsPending() const { return glyphs_.Pending(); }
  // The monitor's content scale (glfwGetWindowContentScale, or
  // $SAFEHOLD_UI_SCALE): text and spacing are drawn at the text-size
  // setting times this. Clamped to 0.5–4.
  void SetContentScale(float scale);
  [[nodiscard]] float content_scale() const { return content_scale_; }
  // Text size in pixels as drawn: the setting times the content scale.
  [[nodiscard]] float drawn_font_px() const;
  // NewFrame, the shell's Draw, Render. The host fills io (DisplaySize,
  // DeltaTime, input) before and renders ImGui::GetDrawData() after.
  void Frame();

  AppShell shell;
  [[nodiscard]] const FontStatus& fonts() const { return fonts_; }
  // How many times the atlas was built (tests: one rebuild per paste).
  [[nodiscard]] int font_builds() const { return font_builds_; }

 private:
  appmodel::AppModel* app_;
  ImGuiContext* ctx_ = nullptr;
  FontStatus fonts_;
  float built_px_ = 0;
  float content_scale_ = 1.0f;
  appmodel::Language built_lang_{};
  GlyphGrowth glyphs_;
  bool full_glyphs_ = false;  // GlyphScope::full once a vault was open
  std::string noted_folder_;
  int font_builds_ = 0;
  std::uint64_t glyphs_lock_generation_ = 0;
  appmodel::Theme applied_theme_{};
  float applied_theme_px_ = 0;
};

}  // namespace safehold::gui
