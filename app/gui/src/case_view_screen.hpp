#pragma once
// One case: tabs for overview, consent, sessions, people, incidents
// (timeline), legal measures, evidence (SHA-256, custody), risk and safety
// plan, history (audit). Every record can be edited in place; sessions,
// people, incidents, legal measures, evidence files and risk reassessments
// can be added (case_add_form.cpp).
#include <set>
#include <string>

#include "file_browser_dialog.hpp"
#include "form_widgets.hpp"
#include "report_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

// A short, non-identifying title for a record in a list.
std::string RecordTitle(const storage::Record& r, std::size_t n);
// Form context over the loaded case: references offer the case's records,
// sensitive fields open as `opened` says (which must outlive the context).
FormContext CaseFormContext(const appmodel::CaseViewModel& m, const std::set<std::string>& opened,
                            std::string probe_prefix);

struct CaseViewScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawRecords(appmodel::AppModel& app, const char* entity, const std::vector<const storage::Record*>& records);
  void DrawRecord(appmodel::AppModel& app, const storage::Record& r, const std::string& title);
  void DrawEvidenceExtras(appmodel::AppModel& app, const storage::Record& r);
  void DrawHistory(appmodel::AppModel& app);
  void DrawCustody(appmodel::AppModel& app, const storage::Record& evidence);
  void DrawAddSection(appmodel::AppModel& app, const std::string& entity);
  void DrawAddForm(appmodel::AppModel& app);
  // "Add custody note…" under an evidence item's custody history, or its form.
  void DrawCustodyAdd(appmodel::AppModel& app, const storage::Record& evidence);

  FileBrowserDialog browser_;
  std::string copy_for_;   // evidence id whose "save a copy" warning is open
  std::string copy_ready_; // evidence id confirmed, waiting for the folder
  FileBrowserDialog add_browser_;  // picks the file of a new evidence item
  std::string add_tab_shown_;      // entity whose add-form's tab was brought to the front
  std::string tab_;                // key of the tab shown ("case.tab.overview")
  ReportDialog report_;            // "Report…": drawn in place of the tabs while open
};

}  // namespace safehold::gui
