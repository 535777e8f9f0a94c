#include "statistics_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "exact_text.hpp"
#include "exchange_screen.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;
using appmodel::trn;
using report::StatsDimension;

namespace {

std::string DimensionKey(StatsDimension d) { return std::string("stats.dim.") + report::name_of(d); }

// A cell's values as shown: "label" or "label · label".
std::string CellLabel(const report::StatsTable& t, const report::StatsCell& c) {
  std::string out;
  for (std::size_t i = 0; i < c.values.size() && i < t.by.size(); ++i) {
    if (i > 0) out += " · ";
    out += appmodel::stats_value_label(t.by[i], c.values[i]);
  }
  return out;
}

// The probe of a cell names its codes and the count shown (tests compare
// them with count_statistics).
std::string CellProbe(const char* what, const report::StatsCell& c, const std::string& shown) {
  std::string out = std::string("stats.") + what;
  for (const auto& v : c.values) out += "." + v;
  return out + "=" + shown;
}

}  // namespace

void StatisticsScreen::Draw(appmodel::AppModel& app) {
  Heading(tr("nav.statistics"));
  Probe("stats.heading");
  WrappedColored(MutedColor(), tr("stats.explain"));
  DrawChoices(app);
  appmodel::StatsModel& m = app.stats;
  m.count_if_needed();
  if (m.counting()) {  // on the worker: the window stays responsive, Cancel stops it
    if (ProgressWithCancel(m.progress(), {.label = tr("stats.counting"), .bar_probe = "stats.progress",
                                          .cancel_probe = "stats.cancel"})) {
      m.cancel();
    }
    return;
  }
  if (m.cancelled()) {
    WrappedColored(MutedColor(), tr("stats.cancelled"));
    Probe("stats.cancelled");
    return;
  }
  if (!m.table()) {
    ShowRefusal(m.error_key(), m.error_detail(), "stats.error");
    return;
  }
  const report::StatsTable& t = *m.table();
  const std::string left_out = std::to_string(t.cases_left_out);
  WrappedColored(WarningColor(),
                 trf("stats.cases", {std::to_string(t.cases_included), left_out}).c_str());
  if (ProbesEnabled()) Probe(("stats.left_out=" + left_out).c_str());
  const bool any_suppressed = std::any_of(t.cells.begin(), t.cells.end(), [](const auto& c) { return c.suppressed; });
  const std::string unit = tr(t.unit == report::StatsUnit::legal_measure ? "stats.unit.measures" : "stats.unit.incidents");
  // The total would give a suppressed cell back by subtraction (stats-v1.md).
  WrappedColored(MutedColor(), any_suppressed ? trf("stats.total.hidden", {unit}).c_str()
                                              : trf("stats.total", {unit, std::to_string(t.incidents)}).c_str());
  if (t.cells.empty()) {
    WrappedColored(MutedColor(), tr("stats.empty"));
    Probe("stats.empty");
    return;
  }
  WrappedColored(MutedColor(), trf("stats.legend", {std::to_string(t.min_cell)}).c_str());
  DrawSavePdf(app);
  ImGui::BeginChild("###stats-body", ImVec2(0, 0), 0, ImGuiWindowFlags_NavFlattened);
  DrawBars(t);
  ImGui::Spacing();
  DrawTable(t);
  ImGui::EndChild();
}

void StatisticsScreen::DrawChoices(appmodel::AppModel& app) {
  appmodel::StatsModel& m = app.stats;
  const float combo_w = ImGui::GetFontSize() * 11;
  ImGui::TextUnformatted(tr("stats.by"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo("###stats-first", tr(DimensionKey(m.first()).c_str()))) {
    for (const auto d : appmodel::StatsModel::dimensions()) {
      if (ImGui::Selectable(tr(DimensionKey(d).c_str()), d == m.first())) m.set_first(d);
      if (ProbesEnabled()) Probe((std::string("stats.first.") + report::name_of(d)).c_str());
    }
    ImGui::EndCombo();
  }
  Probe("stats.first");
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("stats.and"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  const char* second = m.second() ? tr(DimensionKey(*m.second()).c_str()) : tr("stats.dim.none");
  if (ImGui::BeginCombo("###stats-second", second)) {
    if (ImGui::Selectable(tr("stats.dim.none"), !m.second())) m.set_second(std::nullopt);
    Probe("stats.second.none");
    for (const auto d : appmodel::StatsModel::dimensions()) {
      if (d == m.first()) continue;
      if (ImGui::Selectable(tr(DimensionKey(d).c_str()), m.second() == d)) m.set_second(d);
      if (ProbesEnabled()) Probe((std::string("stats.second.") + report::name_of(d)).c_str());
    }
    ImGui::EndCombo();
  }
  Probe("stats.second");
  ImGui::SameLine();
  ImGui::TextUnformatted(tr("stats.min_cell"));
  ImGui::SameLine();
  int n = m.min_cell();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::InputInt("###stats-min", &n)) m.set_min_cell(n);
  Probe("stats.min_cell");
  ImGui::SameLine();
  if (ImGui::Button(tr("stats.refresh"))) m.refresh();
  Probe("stats.refresh");
}

// "Save as PDF…": the plaintext warning of "save a copy", then the folder
// in the in-app browser; the model writes the table shown.
void StatisticsScreen::DrawSavePdf(appmodel::AppModel& app) {
  appmodel::StatsModel& m = app.stats;
  if (m.writing()) {  // on the model's worker; collected by count_if_needed()
    WrappedColored(MutedColor(), tr("stats.pdf.writing"));
    Probe("stats.pdf.writing");
    return;
  }
  if (!warned_) {
    if (ImGui::Button(tr("stats.pdf.save"))) warned_ = true;
    Probe("stats.pdf.save");
  } else {
    Banner(WarningColor(), tr("stats.pdf.warning"));
    ImGui::TextUnformatted(tr("report.file_name"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    InputTextExact("###stats-pdf-name", file_name_, {.probe = "stats.pdf.file_name"});
    if (ImGui::Button(tr("case.save_copy.confirm"))) {
      browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::folder, "files.title.stats_folder");
    }
    Probe("stats.pdf.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("files.cancel"))) warned_ = false;
    Probe("stats.pdf.cancel");
  }
  if (browser_.Draw()) {
    warned_ = false;
    (void)m.write_pdf(browser_.chosen, file_name_);
  }
  if (m.written()) {
    WrappedColored(OkColor(),
                   trn("stats.pdf.done", m.written()->pages, {m.written_path().string(), std::to_string(m.written()->pages)}).c_str());
    Probe("stats.pdf.done");
    WrappedColored(MutedColor(), trf("report.done.signature", {m.written()->signature.string()}).c_str());
  } else if (m.write_error_key() != nullptr) {
    ShowRefusal(m.write_error_key(), m.write_error_detail(), "stats.pdf.error");
  }
}

// One horizontal bar per cell on app/report's chart scale (the PDF's): a
// suppressed cell is an outline up to the most it may be, labelled "<N",
// never a filled bar.
void StatisticsScreen::DrawBars(const report::StatsTable& t) {
  const std::size_t largest = report::chart_scale(t);
  float label_w = 0;
  for (const auto& c : t.cells) label_w = std::max(label_w, ImGui::CalcTextSize(CellLabel(t, c).c_str()).x);
  label_w = std::min(label_w, ImGui::GetContentRegionAvail().x * 0.45f);
  const float count_w = ImGui::CalcTextSize("<00000").x;
  const float bar_room = std::max(ImGui::GetContentRegionAvail().x - label_w - count_w - ImGui::GetFontSize() * 2, 10.0f);
  const float h = ImGui::GetTextLineHeight();
  const ImU32 fill = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  const ImU32 outline = ImGui::GetColorU32(WarningColor());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& c : t.cells) {
    const std::string label = CellLabel(t, c);
    const std::string shown = report::count_text(t, c);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_w);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(label_w + ImGui::GetFontSize());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::size_t value = report::chart_value(t, c);
    const float w = std::max(bar_room * static_cast<float>(value) / static_cast<float>(largest), 2.0f);
    const ImVec2 end(at.x + w, at.y + h);
    if (c.suppressed) {
      dl->AddRect(at, end, outline, 0.0f, 0, 2.0f);  // marked: at most this much, exact count hidden
    } else {
      dl->AddRectFilled(at, end, fill);
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
    if (c.suppressed) {
      ImGui::TextColored(WarningColor(), "%s", shown.c_str());
    } else {
      ImGui::TextUnformatted(shown.c_str());
    }
    if (ProbesEnabled()) Probe(CellProbe("bar", c, shown).c_str());
  }
}

void StatisticsScreen::DrawTable(const report::StatsTable& t) {
  const int columns = static_cast<int>(t.by.size()) + 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("###stats-table", columns, flags)) return;
  for (const auto d : t.by) ImGui::TableSetupColumn(tr(DimensionKey(d).c_str()));
  ImGui::TableSetupColumn(tr(t.unit == report::StatsUnit::legal_measure ? "stats.unit.measures" : "stats.unit.incidents"));
  ImGui::TableHeadersRow();
  for (const auto& c : t.cells) {
    ImGui::TableNextRow();
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(appmodel::stats_value_label(t.by[i], c.values[i]).c_str());
    }
    ImGui::TableNextColumn();
    const std::string shown = report::count_text(t, c);
    if (c.suppressed) {
      ImGui::TextColored(WarningColor(), "%s %s", shown.c_str(), tr("stats.suppressed"));
    } else {
      ImGui::TextUnformatted(shown.c_str());
    }
    if (ProbesEnabled()) Probe(CellProbe("cell", c, shown).c_str());
  }
  ImGui::EndTable();
}

}  // namespace safehold::gui
