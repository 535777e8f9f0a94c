#pragma once
// Statistics (issue 13): anonymised counts across the cases whose consent
// allows them, by one or two dimensions, as bars drawn here (ImGui draw
// lists) and as a table with the same numbers. Suppressed cells are shown
// as "<N", outlined and named in the legend, never as an empty bar; the
// number of cases left out for lack of consent is stated. The counting is
// app/report's count_statistics (appmodel::StatsModel). "Save as PDF…"
// writes the same table as the signed statistics PDF after the plaintext
// warning "save a copy" gives, in a folder chosen in the in-app browser.
#include <string>

#include "file_browser_dialog.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct StatisticsScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawChoices(appmodel::AppModel& app);
  void DrawBars(const report::StatsTable& t);
  void DrawTable(const report::StatsTable& t);
  void DrawSavePdf(appmodel::AppModel& app);

  FileBrowserDialog browser_;
  std::string file_name_ = "statistics.pdf";
  bool warned_ = false;  // the plaintext warning is open
};

}  // namespace safehold::gui
