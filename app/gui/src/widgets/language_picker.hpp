#pragma once
#include "safehold/appmodel/i18n.hpp"

namespace safehold::gui {

// Three buttons labelled in their own language; returns true when the
// language changed (the caller applies it to settings).
bool LanguagePicker(appmodel::Language& lang);

}  // namespace safehold::gui
