#include "report_dialog.hpp"

#include <imgui.h>

#include <string>

#include "exact_text.hpp"
#include "exchange_screen.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;
using appmodel::trn;

namespace {

std::string DefaultFileName(const appmodel::ReportModel& m) {
  const auto& c = m.composed();
  return (c && !c->reference.empty() ? c->reference : std::string("report")) + ".pdf";
}

}  // namespace

void ReportDialog::Draw(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  m.check_if_needed();
  if (m.preview()) {
    texture_.Update(m.preview_generation(), m.preview()->rgba.data(), m.preview()->width, m.preview()->height);
  } else {
    texture_.Clear();
  }
  Heading(tr("report.title"));
  Probe("report.heading");
  // Not left while the PDF is being written (the model would wait for it).
  ImGui::BeginDisabled(m.writing());
  const bool back = ImGui::SmallButton(tr("report.back"));
  ImGui::EndDisabled();
  if (back) {
    m.close();
    texture_.Clear();
    warned_ = false;
    file_name_.clear();
    return;
  }
  Probe("report.back");
  WrappedColored(MutedColor(), tr("report.explain"));
  // The choices and the writing on the left; what they mean (app/report's
  // answer, then the page itself) on the right, seen before writing.
  if (ImGui::BeginTable("###report-layout", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("###choices", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("###preview", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(m.writing());  // the report being written is the one chosen
    DrawChoices(app);
    ImGui::EndDisabled();
    ImGui::Spacing();
    DrawWrite(app);
    ImGui::TableNextColumn();
    DrawSummary(app);
    ImGui::Spacing();
    DrawPreview(app);
    ImGui::EndTable();
  }
  if (browser_.Draw()) {
    warned_ = false;
    (void)m.write(browser_.chosen, file_name_);
  }
}

void ReportDialog::DrawAudience(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  ImGui::TextUnformatted(tr("report.audience"));
  ImGui::Separator();
  (void)app.contacts.load();
  for (const auto& c : app.contacts.contacts()) {
    ImGui::PushID(c.id.c_str());
    std::string label = c.display_name;
    if (!c.kind.empty()) label += "  (" + std::string(appmodel::vocab_label("recipient_kind", c.kind)) + ")";
    if (!c.verified) label += "  — " + std::string(tr("contacts.not_verified"));
    if (ImGui::RadioButton(label.c_str(), m.request().contact_id == c.id)) m.set_contact(c.id);
    if (ProbesEnabled()) Probe(("report.to." + c.display_name).c_str());
    ImGui::PopID();
  }
  WrappedColored(MutedColor(), tr("report.audience.kind_note"));
  for (const auto& kind : appmodel::ReportModel::audience_kinds()) {
    const std::string label = std::string(appmodel::vocab_label("recipient_kind", kind)) + "###kind-" + kind;
    if (ImGui::RadioButton(label.c_str(), m.request().audience_kind == kind)) m.set_audience_kind(kind);
    if (ProbesEnabled()) Probe(("report.kind." + kind).c_str());
  }
}

void ReportDialog::DrawChoices(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  DrawAudience(app);
  ImGui::Spacing();
  // Offered only where consent allows it, and the reason said when not.
  bool identifying = m.request().include_identifying;
  ImGui::BeginDisabled(!identifying && !m.identifying_allowed());
  if (ImGui::Checkbox(tr("report.identifying"), &identifying)) m.set_include_identifying(identifying);
  Probe("report.identifying");
  ImGui::EndDisabled();
  if (!m.identifying_allowed() && !m.identifying_refusal().empty()) {
    // Why, in the UI's words; then disclosure's own line (codes and the
    // case reference only) so the exact answers can be checked.
    WrappedColored(MutedColor(), tr("report.identifying.not_allowed"));
    Probe("report.identifying.why");
    WrappedColored(MutedColor(), m.identifying_refusal().c_str());
  }
  ImGui::TextUnformatted(tr("report.language"));
  ImGui::SameLine();
  struct Lang {
    schema::Language lang;
    const char* key;  // also the probe
  };
  static constexpr Lang kLangs[] = {{schema::Language::en, "report.language.en"},
                                    {schema::Language::zh_hans, "report.language.zh_hans"},
                                    {schema::Language::zh_hant, "report.language.zh_hant"}};
  for (const auto& l : kLangs) {
    if (l.lang != schema::Language::en) ImGui::SameLine();
    if (ImGui::RadioButton(tr(l.key), m.request().language == l.lang)) m.set_language(l.lang);
    Probe(l.key);
  }
  ImGui::TextUnformatted(tr("report.paper"));
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("report.paper.a4"), m.request().paper == report::Paper::a4)) m.set_paper(report::Paper::a4);
  Probe("report.paper.a4");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("report.paper.letter"), m.request().paper == report::Paper::letter)) {
    m.set_paper(report::Paper::letter);
  }
  Probe("report.paper.letter");
}

void ReportDialog::DrawSummary(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  ImGui::TextUnformatted(tr("report.check"));
  ImGui::Separator();
  if (m.request().contact_id.empty() && m.request().audience_kind.empty()) {
    WrappedColored(MutedColor(), tr("report.choose_audience"));
    return;
  }
  if (m.preparing()) {
    WrappedColored(MutedColor(), tr("report.preparing"));
    Probe("report.preparing");
    return;
  }
  if (!m.composed()) {
    ShowRefusal(m.error_key(), m.error_detail(), "report.refused");
    return;
  }
  const auto& c = *m.composed();
  WrappedColored(OkColor(), trn("report.check.ok", c.records, {c.reference, std::to_string(c.records)}).c_str());
  Probe("report.check.ok");
  WrappedColored(MutedColor(), tr(c.identifying_included ? "report.identifying.in" : "report.identifying.out"));
  ImGui::TextUnformatted(tr("report.left_out"));
  if (c.left_out.empty()) {
    ImGui::BulletText("%s", tr("report.left_out.nothing"));
    Probe("report.left_out.nothing");
  }
  for (const auto& l : c.left_out) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", trn("report.left_out." + l.reason, l.records, {std::to_string(l.records)}).c_str());
    if (ProbesEnabled()) Probe(("report.left_out." + l.reason).c_str());
  }
}

void ReportDialog::DrawWrite(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  ImGui::TextUnformatted(tr("report.write"));
  ImGui::Separator();
  if (file_name_.empty() && m.composed()) file_name_ = DefaultFileName(m);
  ImGui::TextUnformatted(tr("report.file_name"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  InputTextExact("###report-name", file_name_, {.probe = "report.file_name"});
  if (m.writing()) {
    // On the model's worker: the window keeps drawing while a big case is
    // laid out, signed and published.
    WrappedColored(MutedColor(), tr("report.writing"));
    Probe("report.writing");
    return;
  }
  if (!warned_) {
    ImGui::BeginDisabled(!m.ready());
    if (ImGui::Button(tr("report.write.button"))) warned_ = true;
    Probe("report.write.button");
    ImGui::EndDisabled();
  } else {
    // A PDF is plaintext: the same warning as "save a copy".
    Banner(WarningColor(), tr("report.plaintext.warning"));
    ImGui::BeginDisabled(!m.ready());
    if (ImGui::Button(tr("case.save_copy.confirm"))) {
      browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::folder, "files.title.report_folder");
    }
    Probe("report.write.confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("files.cancel"))) warned_ = false;
    Probe("report.write.cancel");
  }
  if (m.composed() == std::nullopt && m.written() == std::nullopt) return;
  if (m.written()) {
    const auto& w = *m.written();
    WrappedColored(OkColor(), trn("report.done", w.pages, {m.written_path().string(), std::to_string(w.pages)}).c_str());
    Probe("report.done");
    WrappedColored(MutedColor(), trf("report.done.signature", {w.signature.string()}).c_str());
  } else if (m.error_key() != nullptr) {
    ShowRefusal(m.error_key(), m.error_detail(), "report.error");
  }
}

void ReportDialog::DrawPreview(appmodel::AppModel& app) {
  appmodel::ReportModel& m = app.report;
  ImGui::TextUnformatted(tr("report.preview"));
  ImGui::Separator();
  if (!m.preview()) {
    WrappedColored(MutedColor(), tr(m.preparing() ? "report.preparing" : "report.preview.none"));
    return;
  }
  const auto& p = *m.preview();
  WrappedColored(MutedColor(), trn("report.preview.pages", p.pages, {std::to_string(p.pages)}).c_str());
  const float width = std::min(ImGui::GetContentRegionAvail().x, static_cast<float>(p.width));
  texture_.Draw(width, p.width, p.height);
  Probe("report.preview");
}

}  // namespace safehold::gui
