#include "audit_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "safehold/appmodel/record_fields.hpp"
#include "shaped_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

void AuditScreen::Draw(appmodel::AppModel& app) {
  appmodel::AuditView& a = app.audit;
  Heading(tr("audit.title"));
  ImGui::TextWrapped("%s", tr("audit.explain"));
  if (a.verifying()) {
    Spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("audit.verifying"));
  } else {
    if (ImGui::Button(tr("audit.verify"))) (void)a.verify();
    Probe("audit.verify");
  }
  if (const auto& v = a.verification()) {
    ImGui::SameLine();
    if (v->intact) {
      ImGui::TextColored(OkColor(), "%s", appmodel::trn("audit.intact", static_cast<std::size_t>(v->entries), {std::to_string(v->entries)}).c_str());
    } else {
      ImGui::TextColored(ErrorColor(), "%s",
                         appmodel::trf("audit.broken", {std::to_string(v->first_broken_seq), v->reason}).c_str());
    }
    Probe("audit.result");
  }
  if (a.error_key() != nullptr) WrappedColored(ErrorColor(), tr(a.error_key()));
  if (a.entries().empty() && !a.exhausted()) (void)a.load_more();

  // Cells are one line (the clipper needs even rows): text too wide for its
  // column ends in "…" and shows whole on hover; under 44 em (large text,
  // small screen) the table scrolls sideways rather than squeezing columns.
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  const float inner = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize,
                               ImGui::GetFontSize() * 44);
  const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 10);
  if (!ImGui::BeginTable("###audit", 6, flags, ImVec2(0, height), inner)) return;
  TabReachesTableRows();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("audit.col.seq"), ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn(tr("audit.col.time"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr("audit.col.actor"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("audit.col.action"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr("audit.col.object"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr("audit.col.case"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(a.entries().size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto& e = a.entries()[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(e.seq));
      ImGui::TableNextColumn();
      TextShapedFit(appmodel::display_time(e.at));
      ImGui::TableNextColumn();
      TextShapedFit(e.actor);
      ImGui::TableNextColumn();
      TextShapedFit(tr(appmodel::audit_action_key(e.action)));
      ImGui::TableNextColumn();
      TextShapedFit(appmodel::audit_object_label(e.object_type));
      ImGui::TableNextColumn();
      TextShapedFit(a.case_reference(e));
    }
  }
  // Reading on when the last loaded row comes into view.
  if (clipper.DisplayEnd >= static_cast<int>(a.entries().size()) && !a.exhausted()) (void)a.load_more();
  ImGui::EndTable();
}

}  // namespace safehold::gui
