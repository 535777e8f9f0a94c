#pragma once
// Facts about the running UI that screens may show (font status, demo).
namespace safehold::gui {

struct UiInfo {
  bool cjk_font_found = true;
  float font_px = 18.0f;
};

}  // namespace safehold::gui
