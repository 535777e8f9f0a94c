#pragma once
// Settings: language, text size, theme, auto-lock minutes, quick-lock key,
// Argon2id strength for new passphrases, and changing the passphrase; a
// second tab holds Backup, before you travel and the emergency wipe.
#include "backup_screen.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct SettingsScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawGeneral(appmodel::AppModel& app);
  void DrawPassphraseChange(appmodel::AppModel& app);
  BackupScreen backup_;
  int font_px_ = 0;  // slider value while dragging; applied on release
};

}  // namespace safehold::gui
