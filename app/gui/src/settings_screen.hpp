#pragma once
// Settings: language, text size, theme, auto-lock minutes, quick-lock key,
// Argon2id strength for new passphrases, and changing the passphrase.
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct SettingsScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawPassphraseChange(appmodel::AppModel& app);
  int font_px_ = 0;  // slider value while dragging; applied on release
};

}  // namespace safehold::gui
