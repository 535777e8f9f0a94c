#pragma once
// Settings → Backup: the last verified backup and the reminder choice, a
// backup of the open vault (file browser for the folder, the passphrase
// asked again, progress and Cancel, verify right after), verifying an
// existing backup file, the before-you-travel checklist and the emergency
// wipe. The work is the model's (BackupModel, AppModel::wipe_vault).
#include "file_browser_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct BackupScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawStatus(appmodel::AppModel& app);
  void DrawBackup(appmodel::AppModel& app);
  void DrawResult(const appmodel::BackupModel& m);
  FileBrowserDialog folder_browser_;
  FileBrowserDialog file_browser_;
};

// The before-you-travel steps (travel_flow.cpp): back up, verify, say where
// the backup goes (choices stored nowhere), wipe; after arrival, restore.
void DrawTravelFlow(appmodel::AppModel& app);
// The emergency wipe with its confirmation (wipe_panel.cpp).
void DrawWipePanel(appmodel::AppModel& app);
// On the start screen after a wipe: what was done (wipe_panel.cpp).
void DrawWipeOutcome(appmodel::AppModel& app);
// The reminder line under the toolbar after unlock (backup_screen.cpp).
void DrawBackupReminder(appmodel::AppModel& app);

}  // namespace safehold::gui
