#pragma once
// Start screen: unlock a vault, create one, or restore one from a backup. Reads AppModel::start and
// calls its commands; never touches files (the model's vault opener does).
#include <optional>

#include "file_browser_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct UiInfo;

struct StartScreen {
  bool show_passphrase = false;
  FileBrowserDialog browser;
  void Draw(appmodel::AppModel& app, const UiInfo& ui);

 private:
  void DrawFields(appmodel::StartModel& m, bool busy);
  bool switch_pending_ = true;   // select the tab matching the model's mode
  bool focus_passphrase_ = true;
  std::optional<appmodel::StartModel::Mode> drawn_mode_;  // the tab shown last frame
  bool browsing_backup_ = false;  // the open file browser picks the backup file
};

}  // namespace safehold::gui
