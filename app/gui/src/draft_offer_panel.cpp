#include "draft_offer_panel.hpp"

#include <imgui.h>

#include <string>
#include <utility>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "exact_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {
bool g_focused = false;  // the offer's first button got the focus once
}  // namespace

void DrawDraftOffer(appmodel::AppModel& app) {
  const auto& offer = app.draft_offer();
  if (!offer) {
    g_focused = false;
    return;
  }
  const std::string when = appmodel::display_time(offer->started_at);
  Banner(WarningColor(), appmodel::trf("draft_offer.question", {when}).c_str());
  Probe("draft_offer.question");
  if (offer->confirming_discard) {
    WrappedColored(WarningColor(), tr("intake.discard.confirm"));
    if (ImGui::Button(tr("draft_offer.discard.yes"))) app.discard_draft();
    Probe("draft_offer.discard.yes");
    ImGui::SameLine();
    if (ImGui::Button(tr("files.cancel"))) app.ask_discard_draft(false);
    Probe("draft_offer.discard.no");
  } else {
    // Right after unlock: Continue, one Enter away (Tab goes on to Later).
    if (!std::exchange(g_focused, true)) FocusNextItemVisibly();
    if (ImGui::Button(tr("draft_offer.continue"))) app.continue_draft();
    Probe("draft_offer.continue");
    ImGui::SameLine();
    if (ImGui::Button(tr("draft_offer.later"))) app.later_draft();
    Probe("draft_offer.later");
    ImGui::SameLine();
    if (ImGui::Button(tr("draft_offer.discard"))) app.ask_discard_draft(true);
    Probe("draft_offer.discard");
  }
  ImGui::Separator();
}

}  // namespace safehold::gui
