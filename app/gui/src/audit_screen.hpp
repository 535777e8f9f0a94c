#pragma once
// Audit log viewer: every create, change, deletion, export and import, oldest
// first, read page by page; "Verify the chain" recomputes every hash.
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct AuditScreen {
  void Draw(appmodel::AppModel& app);
};

}  // namespace safehold::gui
