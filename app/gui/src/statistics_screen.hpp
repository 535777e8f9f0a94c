#pragma once
// Statistics (issue 13): anonymised counts across the cases whose consent
// allows them, by one or two dimensions, as bars drawn here (ImGui draw
// lists) and as a table with the same numbers. Suppressed cells are shown
// as "<N", outlined and named in the legend, never as an empty bar; the
// number of cases left out for lack of consent is stated. The counting is
// app/report's count_statistics (appmodel::StatsModel).
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct StatisticsScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawChoices(appmodel::AppModel& app);
  void DrawBars(const report::StatsTable& t);
  void DrawTable(const report::StatsTable& t);
};

}  // namespace safehold::gui
