#include "case_overview_panel.hpp"

#include <imgui.h>

#include <string>

#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;

namespace {

// One row of the two-column summary: a muted label, then the caller's value.
bool Row(const char* label_key) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextColored(MutedColor(), "%s", tr(label_key));
  ImGui::TableNextColumn();
  return true;
}

void Wrapped(const std::string& s) { ImGui::TextWrapped("%s", s.c_str()); }

std::string Label(std::string_view vocab, const std::string& code) {
  return code.empty() ? std::string(tr("case.ov.none")) : std::string(appmodel::vocab_label(vocab, code));
}

void DrawConsent(const appmodel::CaseOverview& o) {
  using storage::ConsentState;
  if (o.consent_read_failed) {
    Banner(ErrorColor(), tr("case.ov.consent.unreadable"));
  } else if (o.consent == ConsentState::none) {
    Banner(ErrorColor(), tr("case.ov.consent.none"));
  } else if (o.consent == ConsentState::withdrawn) {
    const std::string at = appmodel::display_time(o.consent_withdrawn_at);
    Banner(ErrorColor(), trf("case.ov.consent.withdrawn", {at}).c_str());
  } else {
    return;  // given: a row of the table below
  }
  Probe("case.overview.consent");
}

void DrawSharing(const appmodel::CaseOverview& o) {
  for (const auto& [scope, answer] : o.sharing) {
    const ImVec4 color = answer == "yes" ? OkColor() : answer == "later" ? WarningColor() : MutedColor();
    const std::string value = answer.empty() ? std::string(tr("case.ov.not_answered"))
                                             : std::string(appmodel::vocab_label("scope_answer", answer));
    const std::string line = trf("text.label_value", {appmodel::vocab_label("scope", scope), value});
    WrappedColored(color, line.c_str());  // whole at 200 %: "(counts as no)" was cut
  }
}

void DrawNextSteps(const appmodel::CaseOverview& o) {
  bool any = false;
  auto line = [&any](const std::string& s) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", s.c_str());
    any = true;
  };
  if (!o.next_follow_up.empty()) line(trf("case.ov.follow_up", {o.next_follow_up}));
  if (!o.risk_review_by.empty()) line(trf("case.ov.review_by", {o.risk_review_by}));
  if (o.open_safety_measures > 0) line(trf("case.ov.safety_open", {std::to_string(o.open_safety_measures)}));
  if (o.open_interventions > 0) line(trf("case.ov.interventions_open", {std::to_string(o.open_interventions)}));
  if (!any) ImGui::TextColored(MutedColor(), "%s", tr("case.ov.nothing_next"));
}

}  // namespace

void DrawCaseOverview(const appmodel::CaseViewModel& m) {
  const appmodel::CaseOverview& o = m.overview();
  DrawConsent(o);
  if (!ImGui::BeginTable("###overview", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("###label", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("###value", ImGuiTableColumnFlags_WidthStretch);
  if (o.consent == storage::ConsentState::given && Row("case.ov.consent")) {
    WrappedColored(OkColor(), trf("case.ov.consent.given", {appmodel::display_time(o.consent_given_at),
                                                            Label("consent_method", o.consent_method)})
                                  .c_str());
  }
  if (!o.sharing.empty() && Row("case.ov.sharing")) DrawSharing(o);
  if (o.recontact_allowed && Row("case.ov.recontact")) Wrapped(tr(*o.recontact_allowed ? "case.ov.yes" : "case.ov.no"));
  Row("case.ov.recorded");
  Wrapped(trf("case.ov.counts", {std::to_string(o.sessions), std::to_string(o.people), std::to_string(o.incidents),
                              std::to_string(o.measures), std::to_string(o.evidence)}));
  Probe("case.overview.counts");
  Row("case.ov.tactics");
  if (o.tactics.empty()) ImGui::TextColored(MutedColor(), "%s", tr("case.ov.none"));
  for (const auto& code : o.tactics) Wrapped(code + "  " + std::string(appmodel::vocab_label("tactic", code)));
  if (!o.first_incident.empty() && Row("case.ov.dates")) {
    Wrapped(o.first_incident == o.last_incident ? o.first_incident : o.first_incident + " – " + o.last_incident);
  }
  Row("case.ov.risk");
  if (o.risk_rating.empty()) {
    ImGui::TextColored(MutedColor(), "%s", tr("case.ov.risk.none"));
  } else {
    const bool severe = o.risk_rating == "high" || o.risk_rating == "critical";
    WrappedColored(severe ? WarningColor() : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                   trf("case.ov.risk.assessed", {Label("risk_rating", o.risk_rating),
                                                 appmodel::display_time(o.risk_assessed_at)})
                       .c_str());
  }
  Row("case.ov.next");
  DrawNextSteps(o);
  Row("case.ov.last_change");
  Wrapped(appmodel::display_time(o.last_change) + " UTC");
  ImGui::EndTable();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(MutedColor(), "%s", tr("case.ov.details"));
}

}  // namespace safehold::gui
