#include "case_list_screen.hpp"
#include "shaped_text.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "exact_text.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/schema/vocabulary.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using storage::CaseQuery;
using storage::CaseSort;

namespace {

// The widest label of a vocabulary in the UI language.
float WidestLabel(const char* vocab) {
  float w = 0;
  if (const auto* v = schema::Vocabularies::builtin().find(vocab)) {
    for (const auto& e : v->entries()) {
      const std::string label(appmodel::vocab_label(vocab, e.code));
      w = std::max(w, ImGui::CalcTextSize(label.c_str()).x);
    }
  }
  return w;
}

// A combo of checkboxes over a vocabulary, toggling values of one query list.
void FilterCombo(appmodel::CaseListModel& m, const char* label_key, const char* vocab,
                 std::vector<std::string> CaseQuery::*list, std::string* filter = nullptr) {
  const auto* v = schema::Vocabularies::builtin().find(vocab);
  if (v == nullptr) return;
  const auto& chosen = m.query().*list;
  std::string preview = chosen.empty() ? std::string(tr("cases.filter.any"))
                                       : appmodel::trf("cases.filter.n", {std::to_string(chosen.size())});
  // Label before the combo; wrap to a new line when the row is full.
  const char* label = tr(label_key);
  const float combo_w = ImGui::GetFontSize() * 6.5f;
  const float need = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + combo_w;
  if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  const bool open = ImGui::BeginCombo((std::string("###") + vocab).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge);
  Probe((std::string("cases.filter.") + vocab).c_str());
  if (!open) return;
  if (filter != nullptr) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr("form.filter"), filter);
  }
  for (const auto& e : v->entries()) {
    const std::string& text = appmodel::in_ui_language(e.label);
    if (filter != nullptr && !filter->empty() && text.find(*filter) == std::string::npos &&
        e.label.en.find(*filter) == std::string::npos && e.code.find(*filter) == std::string::npos) {
      continue;
    }
    bool on = std::find(chosen.begin(), chosen.end(), e.code) != chosen.end();
    const std::string item = (std::string_view(vocab) == "tactic" ? e.code + "  " : "") + text + "###" + e.code;
    if (ImGui::Checkbox(item.c_str(), &on)) m.toggle(list, e.code);
    Probe((std::string("cases.filter.") + vocab + "." + e.code).c_str());
  }
  ImGui::EndCombo();
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

}  // namespace

void CaseListScreen::Draw(appmodel::AppModel& app) {
  appmodel::CaseListModel& m = app.cases;
  ImGui::SetNextItemWidth(EmFitting(22));
  if (InputTextExact("###search", search_, {.hint = tr("cases.search"), .probe = "cases.search"})) m.set_text(search_);
  ImGui::SameLine();
  DrawFilters(m);
  (void)m.refresh_if_needed();
  if (m.error_key() != nullptr) WrappedColored(ErrorColor(), tr(m.error_key()));
  if (m.count() == 0 && !m.has_filters() && search_.empty() && m.error_key() == nullptr) {
    // A new vault: say what to do first rather than show an empty table.
    ImGui::TextWrapped("%s", tr("cases.empty_hint"));
    Probe("cases.empty_hint");
  } else {
    ImGui::TextColored(MutedColor(), "%s", appmodel::trn("cases.count", m.count(), {std::to_string(m.count())}).c_str());
    Probe("cases.count");
  }
  DrawTable(app);
}

void CaseListScreen::DrawFilters(appmodel::CaseListModel& m) {
  FilterCombo(m, "cases.col.status", "case_status", &CaseQuery::statuses);
  ImGui::SameLine();
  FilterCombo(m, "cases.filter.tactic", "tactic", &CaseQuery::tactics);
  ImGui::SameLine();
  FilterCombo(m, "cases.filter.country", "country", &CaseQuery::countries, &country_filter_);
  ImGui::SameLine();
  FilterCombo(m, "cases.col.risk", "risk_rating", &CaseQuery::risk_ratings);
  ImGui::SameLine();
  FilterCombo(m, "cases.filter.purpose", "purpose", &CaseQuery::purposes);
  if (m.has_filters()) {
    ImGui::SameLine();
    if (ImGui::Button(tr("cases.filter.clear"))) {
      m.clear_filters();
      search_.clear();
    }
    Probe("cases.filter.clear");
  }
}

void CaseListScreen::DrawTable(appmodel::AppModel& app) {
  appmodel::CaseListModel& m = app.cases;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable;
  // Every column but the title is as wide as its header or its widest
  // value, so none is cut; the title takes the rest (cut with "…", whole on
  // hover) but keeps 12 em: where that does not fit (large text on a small
  // screen) the table scrolls sideways instead of cutting columns.
  const float fs = ImGui::GetFontSize();
  const auto col = [&](const char* key, float content) {
    return std::max(ImGui::CalcTextSize(tr(key)).x + fs, content);  // + the sort arrow
  };
  const float w_ref = col("cases.col.reference", ImGui::CalcTextSize("SH-2026-00000").x);
  const float w_status = col("cases.col.status", WidestLabel("case_status"));
  const float w_priority = col("cases.col.priority", WidestLabel("priority"));
  const float w_risk = col("cases.col.risk", WidestLabel("risk_rating"));
  const float w_tactics = col("cases.col.tactics", ImGui::CalcTextSize("W9, W9, W9").x);
  const float w_changed = col("cases.col.changed", ImGui::CalcTextSize(appmodel::display_time("2026-12-31T23:59:00Z").c_str()).x);
  const float cells = ImGui::GetStyle().CellPadding.x * 2 * 7 + 8;
  const float fixed = w_ref + w_status + w_priority + w_risk + w_tactics + w_changed + cells;
  const float inner = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize, fixed + fs * 12);
  // The rest of the screen, but at least 10 rows (the screen then scrolls).
  const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 10);
  if (!ImGui::BeginTable("###cases", 7, flags, ImVec2(0, height), inner)) return;
  TabReachesTableRows();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("cases.col.reference"), ImGuiTableColumnFlags_WidthFixed, w_ref);
  ImGui::TableSetupColumn(tr("cases.col.title"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("cases.col.status"), ImGuiTableColumnFlags_WidthFixed, w_status);
  ImGui::TableSetupColumn(tr("cases.col.priority"), ImGuiTableColumnFlags_WidthFixed, w_priority);
  ImGui::TableSetupColumn(tr("cases.col.risk"), ImGuiTableColumnFlags_WidthFixed, w_risk);
  ImGui::TableSetupColumn(tr("cases.col.tactics"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, w_tactics);
  ImGui::TableSetupColumn(tr("cases.col.changed"),
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                              ImGuiTableColumnFlags_PreferSortDescending, w_changed);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsCount > 0) {
    static constexpr CaseSort kSorts[] = {CaseSort::reference, CaseSort::title, CaseSort::status, CaseSort::priority,
                                          CaseSort::risk, CaseSort::last_change, CaseSort::last_change};
    const auto& s = specs->Specs[0];
    m.set_sort(kSorts[s.ColumnIndex], s.SortDirection == ImGuiSortDirection_Descending);
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.count()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const storage::CaseSummary* c = m.row(static_cast<std::size_t>(row));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (c == nullptr) {
        ImGui::TextColored(MutedColor(), "…");  // page being read
        continue;
      }
      ImGui::PushID(row);
      if (ImGui::Selectable(c->reference.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        app.open_case(c->case_id);
      }
      Probe(("cases.row." + c->reference).c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      TextShapedFit(c->title);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(appmodel::vocab_label("case_status", c->status)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(appmodel::vocab_label("priority", c->priority)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(appmodel::vocab_label("risk_rating", c->risk_rating)).c_str());
      ImGui::TableNextColumn();
      TextShapedFit(join_codes(c->tactics));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(appmodel::display_time(c->last_change).c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace safehold::gui
