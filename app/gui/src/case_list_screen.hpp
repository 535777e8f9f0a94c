#pragma once
// Case list: search box, filters (status, tactic, country, risk, purpose),
// sortable columns, and a virtual list that draws only the visible rows.
#include <string>

#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct CaseListScreen {
  void Draw(appmodel::AppModel& app);

 private:
  void DrawFilters(appmodel::CaseListModel& m);
  void DrawTable(appmodel::AppModel& app);
  std::string search_;  // the box's text (the model applies it after a pause)
  std::string country_filter_;
};

}  // namespace safehold::gui
