#pragma once
// Start screen: unlock a vault or create one. Reads AppModel::start and
// calls its commands; never touches files (the model's vault opener does).
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
  bool switch_pending_ = true;
  bool focus_passphrase_ = true;  // select the tab matching the model's mode
};

}  // namespace safehold::gui
