#pragma once
// The offer of an unsaved intake right after unlock (AppModel::draft_offer).
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

// Draws nothing when no draft is offered.
void DrawDraftOffer(appmodel::AppModel& app);

}  // namespace safehold::gui
