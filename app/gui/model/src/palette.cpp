#include "safehold/appmodel/palette.hpp"

#include <algorithm>
#include <cmath>

namespace safehold::appmodel {
namespace {

constexpr Rgba rgb(int r, int g, int b) {
  return Rgba{static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, 1.0f};
}

// Chosen for >= 4.5:1 (measured by tests/gui/contrast.tests.cpp): text on
// every background including pressed buttons; secondary and state colours on
// every surface (window, panels, popups, fields, tabs, table rows); disabled
// text on disabled buttons and fields.
Palette light_palette() {
  Palette p;
  p.window = rgb(246, 245, 241);
  p.child = rgb(251, 250, 247);
  p.popup = rgb(255, 255, 252);
  p.menubar = rgb(232, 230, 224);
  p.frame = rgb(255, 255, 255);
  p.frame_hovered = rgb(238, 244, 247);
  p.frame_active = rgb(228, 238, 243);
  p.border = rgb(205, 203, 196);
  p.button = rgb(200, 222, 234);
  p.button_hovered = rgb(184, 212, 226);
  p.button_active = rgb(170, 204, 220);
  p.tab = rgb(226, 224, 218);
  p.table_header = rgb(232, 230, 224);
  p.row_alt = rgb(243, 242, 237);
  p.accent = rgb(48, 105, 135);
  p.text = rgb(38, 40, 42);
  p.muted = rgb(92, 93, 90);
  p.warning = rgb(128, 74, 0);
  p.error = rgb(168, 40, 30);
  p.ok = rgb(28, 104, 58);
  return p;
}

Palette dark_palette() {
  Palette p;
  p.window = rgb(30, 33, 36);
  p.child = rgb(34, 37, 41);
  p.popup = rgb(38, 41, 45);
  p.menubar = rgb(40, 44, 48);
  p.frame = rgb(46, 50, 55);
  p.frame_hovered = rgb(54, 60, 66);
  p.frame_active = rgb(56, 63, 71);
  p.border = rgb(70, 74, 78);
  p.button = rgb(56, 88, 108);
  p.button_hovered = rgb(64, 100, 122);
  p.button_active = rgb(46, 74, 92);
  p.tab = rgb(44, 48, 52);
  p.table_header = rgb(44, 48, 52);
  p.row_alt = rgb(36, 39, 43);
  p.accent = rgb(94, 150, 180);
  p.text = rgb(224, 222, 216);
  p.muted = rgb(178, 180, 182);
  p.warning = rgb(232, 184, 96);
  p.error = rgb(246, 150, 140);
  p.ok = rgb(136, 204, 156);
  return p;
}

double linear(float channel) {
  const double c = channel;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const Palette& palette(Theme theme) noexcept {
  static const Palette light = light_palette();
  static const Palette dark = dark_palette();
  return theme == Theme::dark ? dark : light;
}

double relative_luminance(const Rgba& c) noexcept {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

Rgba blend(const Rgba& over, const Rgba& under) noexcept {
  const float a = over.a;
  return Rgba{over.r * a + under.r * (1 - a), over.g * a + under.g * (1 - a), over.b * a + under.b * (1 - a), 1.0f};
}

double contrast_ratio(const Rgba& fg, const Rgba& bg, const Rgba& base) noexcept {
  const Rgba under = blend(bg, base);
  const double l1 = relative_luminance(blend(fg, under));
  const double l2 = relative_luminance(under);
  return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}

}  // namespace safehold::appmodel
