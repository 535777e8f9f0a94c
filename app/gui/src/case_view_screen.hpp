#pragma once
// One case: tabs for overview, consent, sessions, people, incidents
// (timeline), legal measures, evidence (SHA-256, custody), risk and safety
// plan, history (audit). Every record can be edited in place.
#include <string>

#include "file_browser_dialog.hpp"
#include "form_widgets.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct CaseViewScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawRecords(appmodel::AppModel& app, const char* entity, const std::vector<const storage::Record*>& records);
  void DrawRecord(appmodel::AppModel& app, const storage::Record& r, const std::string& title);
  void DrawEvidenceExtras(appmodel::AppModel& app, const storage::Record& r);
  void DrawHistory(appmodel::AppModel& app);
  void DrawCustody(appmodel::AppModel& app, const storage::Record& evidence);

  FileBrowserDialog browser_;
  std::string copy_for_;   // evidence id whose "save a copy" warning is open
  std::string copy_ready_; // evidence id confirmed, waiting for the folder
};

}  // namespace safehold::gui
