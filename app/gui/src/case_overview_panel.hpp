#pragma once
// The case view's overview tab: the at-a-glance summary computed by the
// model (appmodel::CaseOverview) — consent first and prominent when
// withdrawn or missing, sharing scopes, counts, tactics and dates, risk,
// next steps, last change.
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

void DrawCaseOverview(const appmodel::CaseViewModel& m);

}  // namespace safehold::gui
