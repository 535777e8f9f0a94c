#pragma once
// "Report…" in the case view (issue 13): the audience, identifying fields,
// language and paper; what app/report says will be left out and why; the
// first page as it will be printed; then, after the plaintext warning the
// GUI gives for "save a copy", the folder (in-app file browser) and the
// file name of FILE.pdf and FILE.pdf.minisig. The decisions and the writing
// are app/report's (appmodel::ReportModel), the same calls as the CLI.
#include <string>

#include "file_browser_dialog.hpp"
#include "report_preview.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct ReportDialog {
  // Draws the dialog while app.report is open (in place of the case's tabs).
  void Draw(appmodel::AppModel& app);

 private:
  void DrawChoices(appmodel::AppModel& app);
  void DrawAudience(appmodel::AppModel& app);
  void DrawSummary(appmodel::AppModel& app);
  void DrawWrite(appmodel::AppModel& app);
  void DrawPreview(appmodel::AppModel& app);

  FileBrowserDialog browser_;
  std::string file_name_;
  bool warned_ = false;  // the plaintext warning is open
  PreviewTexture texture_;
};

}  // namespace safehold::gui
