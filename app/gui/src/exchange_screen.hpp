#pragma once
// Export / Import: two tabs, "Send cases" (ExportPanel) and "Open a bundle
// you received" (ImportPanel). Both run their work on worker threads through
// the app model; frames never wait.
#include <string>

#include "file_browser_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct ExportPanel {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawCases(appmodel::AppModel& app);
  void DrawRecipients(appmodel::AppModel& app);
  void DrawCheck(appmodel::AppModel& app);
  void DrawOutput(appmodel::AppModel& app);
  FileBrowserDialog browser_;
  std::string search_;
  bool searched_ = false;
  std::string file_name_;
};

struct ImportPanel {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawReport(appmodel::AppModel& app);
  void DrawTrustSummary(const appmodel::ImportSummary& summary);
  void DrawRefusal(appmodel::AppModel& app);
  enum class Browse { none, bundle, signer_card };
  FileBrowserDialog browser_;
  Browse browsing_ = Browse::none;
  std::string new_kind_, new_org_;
};

struct ExchangeScreen {
  void Draw(appmodel::AppModel& app);
  ExportPanel send;
  ImportPanel receive;
};

}  // namespace safehold::gui
