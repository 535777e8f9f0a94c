#pragma once
// Calm light and dark themes: low-contrast backgrounds, one accent colour,
// generous spacing, no saturated reds except for real warnings.
#include <imgui.h>

#include "safehold/appmodel/settings.hpp"

namespace safehold::gui {

void ApplyTheme(appmodel::Theme theme, float font_px);

// Semantic colours that follow the theme.
ImVec4 WarningColor();
ImVec4 ErrorColor();
ImVec4 OkColor();
ImVec4 MutedColor();

}  // namespace safehold::gui
