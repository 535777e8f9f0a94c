#pragma once
// Startup: the font files can be found (fontconfig) and mapped on a thread
// while the window and GL context are created, so the first atlas build
// only rasterises. Call WarmUpFonts() on that thread and join it before
// the first UiRuntime::PrepareFonts(); nothing else may use the fonts
// meanwhile. It reads system font files only; nothing is written.
#include "safehold/appmodel/i18n.hpp"

namespace safehold::gui {

void WarmUpFonts(appmodel::Language lang);

}  // namespace safehold::gui
