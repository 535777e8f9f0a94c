#pragma once
// The colours of the light and dark themes, without ImGui, so their contrast
// can be checked by tests (WCAG 2.x: at least 4.5:1 for every text colour on
// every background it is drawn on). gui/src/theme.cpp applies them.
#include "safehold/appmodel/settings.hpp"

namespace safehold::appmodel {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;  // sRGB, 0..1
};

struct Palette {
  // Backgrounds.
  Rgba window, child, popup, menubar, frame, frame_hovered, frame_active, border;
  Rgba button, button_hovered, button_active;  // also list headers (selected rows)
  Rgba tab, table_header, row_alt;
  Rgba accent;  // check marks, slider grabs, focus: never behind text
  // Text: body, secondary (help, explanations, the consent text read aloud),
  // and the three states.
  Rgba text, muted, warning, error, ok;
  // ImGui draws disabled widgets with every colour's alpha multiplied by this.
  float disabled_alpha = 0.8f;
};

[[nodiscard]] const Palette& palette(Theme theme) noexcept;

// A banner (consent missing, warnings) is its text colour on a tint of the
// same colour at this alpha over the window.
inline constexpr float kBannerFillAlpha = 0.10f;

// WCAG 2.x relative luminance of an opaque colour, and the contrast ratio of
// `fg` drawn over `bg` (each alpha-blended onto `base`, the window's opaque
// background, first: bg over base, then fg over that).
[[nodiscard]] double relative_luminance(const Rgba& c) noexcept;
[[nodiscard]] Rgba blend(const Rgba& over, const Rgba& under) noexcept;
[[nodiscard]] double contrast_ratio(const Rgba& fg, const Rgba& bg, const Rgba& base) noexcept;

}  // namespace safehold::appmodel
