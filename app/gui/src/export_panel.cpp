// "Send cases": choose cases and contacts, read the consent check, choose
// whether identifying fields go along, pick where the bundle is written,
// then seal it on a worker thread with progress and cancel.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "exact_text.hpp"
#include "exchange_screen.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;
namespace ex = core::exchange;

namespace {

std::string DefaultBundleName() {
  char buf[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M", &tm);
  return std::string("safehold-bundle-") + buf + ".age";
}

const char* ConsentKey(storage::ConsentState s) {
  switch (s) {
    case storage::ConsentState::none: return "export.consent.none";
    case storage::ConsentState::given: return "export.consent.given";
    case storage::ConsentState::withdrawn: return "export.consent.withdrawn";
  }
  return "export.consent.none";
}

std::string ContactName(appmodel::AppModel& app, const std::string& id) {
  const auto* c = app.contacts.find(id);
  return c != nullptr ? c->display_name : id;
}

// One problem of the check, as a translated sentence.
std::string ProblemText(appmodel::AppModel& app, const ex::ExportProblem& p) {
  const std::string who = ContactName(app, p.contact_id);
  if (p.case_id.empty()) {
    const auto* c = app.contacts.find(p.contact_id);
    if (c != nullptr && !c->verified) return trf("export.problem.not_verified", {who});
    return trf("export.problem.no_kind", {who});
  }
  if (p.contact_id.empty()) return trf("export.problem.identifying", {p.reference});
  if (!p.scope.empty()) {
    return trf("export.problem.scope", {p.reference, who, appmodel::vocab_label("scope", p.scope)});
  }
  return trf("export.problem.consent", {p.reference, who});
}

}  // namespace

void ExportPanel::Draw(appmodel::AppModel& app) {
  appmodel::ExportModel& m = app.exporter;
  (void)app.contacts.load();
  if (file_name_.empty()) file_name_ = DefaultBundleName();
  WrappedColored(MutedColor(), tr("export.explain"));
  if (m.running()) {
    if (ProgressWithCancel(m.progress(), {.label = tr("export.sealing"), .cancel_probe = "export.cancel"})) m.cancel();
    return;
  }
  m.check_if_needed();
  // Choices on the left, their check and the seal button on the right: the
  // whole dialog fits one screen, so the problems are seen next to the
  // choices that cause them.
  if (ImGui::BeginTable("###export-layout", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    DrawCases(app);
    ImGui::Spacing();
    DrawRecipients(app);
    ImGui::TableNextColumn();
    DrawCheck(app);
    ImGui::Spacing();
    DrawOutput(app);
    ImGui::EndTable();
  }
  if (browser_.Draw()) {
    (void)m.start(browser_.chosen, file_name_);
  }
}

void ExportPanel::DrawCases(appmodel::AppModel& app) {
  appmodel::ExportModel& m = app.exporter;
  ImGui::TextUnformatted(tr("export.step.cases"));
  ImGui::Separator();
  if (m.cases().empty()) WrappedColored(MutedColor(), tr("export.no_case"));
  std::string drop;
  for (const auto& c : m.cases()) {
    ImGui::PushID(c.case_id.c_str());
    ImGui::Bullet();
    ImGui::TextWrapped("%s  %s", c.reference.c_str(), c.title.c_str());
    SameLineIfFits(ButtonWidth(tr("export.remove_case")));
    if (ImGui::SmallButton(tr("export.remove_case"))) drop = c.case_id;
    if (ProbesEnabled()) Probe(("export.remove_case." + c.reference).c_str());
    ImGui::PopID();
  }
  if (!drop.empty()) m.remove_case(drop);
  ImGui::SetNextItemWidth(EmFitting(18));
  const bool typed = InputTextExact("###case-search", search_, {.hint = tr("export.find_case"), .probe = "export.find_case"});
  if (typed || !searched_) {
    searched_ = true;
    (void)m.search_cases(search_, 8);
  }
  const float rows = 5.5f;
  ImGui::BeginChild("###case-choices", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows), true,
                    ImGuiWindowFlags_NavFlattened);
  for (const auto& s : m.choices()) {
    bool chosen = false;
    for (const auto& c : m.cases()) chosen |= c.case_id == s.case_id;
    if (chosen) continue;
    ImGui::PushID(s.case_id.c_str());
    const std::string label = "+ " + s.reference + "  " + s.title;
    if (WrappedSelectable(label, "###add", false)) m.add_case(s.case_id);
    if (ProbesEnabled()) Probe(("export.add_case." + s.reference).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void ExportPanel::DrawRecipients(appmodel::AppModel& app) {
  appmodel::ExportModel& m = app.exporter;
  ImGui::TextUnformatted(tr("export.step.recipients"));
  ImGui::Separator();
  const auto& all = app.contacts.contacts();
  if (all.empty()) {
    WrappedColored(MutedColor(), tr("export.no_contacts"));
    if (ImGui::Button(tr("nav.contacts"))) app.go(appmodel::Screen::contacts);
    return;
  }
  for (const auto& c : all) {
    ImGui::PushID(c.id.c_str());
    bool on = m.has_recipient(c.id);
    std::string label = c.display_name;
    if (!c.kind.empty()) label += "  (" + std::string(appmodel::vocab_label("recipient_kind", c.kind)) + ")";
    if (CheckboxWrapped("###to", label, &on)) m.toggle_recipient(c.id);
    if (ProbesEnabled()) Probe(("export.to." + c.display_name).c_str());
    const char* state = tr(c.verified ? "contacts.verified" : "contacts.not_verified");
    SameLineIfFits(ImGui::CalcTextSize(state).x);
    if (c.verified) {
      ImGui::TextColored(OkColor(), "%s", tr("contacts.verified"));
    } else {
      ImGui::TextColored(WarningColor(), "%s", tr("contacts.not_verified"));
    }
    ImGui::PopID();
  }
}

void ExportPanel::DrawCheck(appmodel::AppModel& app) {
  appmodel::ExportModel& m = app.exporter;
  ImGui::TextUnformatted(tr("export.step.check"));
  ImGui::Separator();
  const auto& plan = m.plan();
  if (!plan) {
    if (m.error_key() == nullptr) WrappedColored(MutedColor(), tr("export.check.waiting"));
    return;
  }
  for (const auto& c : plan->cases) {
    ImGui::PushID(c.case_id.c_str());
    ImGui::TextUnformatted(c.reference.c_str());
    // Wrapped, not one line each: at 200 % the summary ran past the
    // column's edge (issue 11).
    ImGui::SameLine();
    WrappedColored(MutedColor(), trf("export.case.summary", {tr(ConsentKey(c.consent)), appmodel::count_of("count.records", c.records),
                                                             appmodel::count_of("count.files", c.attachments),
                                                             appmodel::format_size(c.attachment_bytes)})
                                     .c_str());
    ImGui::Indent();
    WrappedColored(MutedColor(),
                   tr(m.identifying_allowed(c.case_id) ? "export.identifying.allowed" : "export.identifying.not_allowed"));
    for (const auto& d : c.already_sent) {
      // A report or data export for a kind of recipient names no contact.
      const std::string who = d.contact_id.empty() ? std::string(appmodel::vocab_label("recipient_kind", d.recipient_kind))
                                                   : ContactName(app, d.contact_id);
      WrappedColored(MutedColor(), trf("export.already_sent", {who, appmodel::display_time(d.at)}).c_str());
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (plan->ok()) {
    WrappedColored(OkColor(), tr("export.check.ok"));
    Probe("export.check.ok");
    return;
  }
  WrappedColored(ErrorColor(), tr("export.check.problems"));
  Probe("export.problems");
  for (std::size_t i = 0; i < plan->problems.size(); ++i) {
    const auto& p = plan->problems[i];
    ImGui::Bullet();
    ImGui::PushStyleColor(ImGuiCol_Text, WarningColor());
    ImGui::TextWrapped("%s", ProblemText(app, p).c_str());
    ImGui::PopStyleColor();
    if (ProbesEnabled()) Probe(("export.problem." + std::to_string(i)).c_str());
  }
  WrappedColored(MutedColor(), tr("export.check.fix"));
}

void ExportPanel::DrawOutput(appmodel::AppModel& app) {
  appmodel::ExportModel& m = app.exporter;
  ImGui::TextUnformatted(tr("export.step.send"));
  ImGui::Separator();
  bool identifying = m.include_identifying();
  // Offered only where consent allows it; once on, a case added later whose
  // consent does not allow it shows as a problem (never silently left out).
  ImGui::BeginDisabled(!identifying && !m.identifying_allowed());
  if (CheckboxWrapped("###identifying", tr("export.identifying"), &identifying)) m.set_include_identifying(identifying);
  Probe("export.identifying");
  ImGui::EndDisabled();
  WrappedColored(MutedColor(), tr(identifying ? "export.identifying.on" : "export.identifying.off"));
  ImGui::TextUnformatted(tr("export.file_name"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(EmFitting(18));
  InputTextExact("###bundle-name", file_name_, {.probe = "export.file_name"});
  ImGui::BeginDisabled(!m.ready());
  if (ImGui::Button(tr("export.seal"))) {
    browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::folder, "files.title.bundle_folder");
  }
  Probe("export.seal");
  ImGui::EndDisabled();
  if (!m.ready()) {
    // Beside the button where it fits, else below it, wrapped (at 200 % it
    // was cut at the window's edge: "Choo").
    const char* why = tr(m.plan() ? "export.seal.blocked" : "export.check.waiting");
    SameLineIfFits(ImGui::CalcTextSize(why).x);
    WrappedColored(MutedColor(), why);
  }
  ShowRefusal(m.error_key(), m.error_detail(), "export.error");
  if (m.result()) {
    const auto& r = *m.result();
    WrappedColored(OkColor(), appmodel::trn("export.done", r.recipients.size(), {m.written().string(), std::to_string(r.recipients.size())}).c_str());
    Probe("export.done");
    WrappedColored(MutedColor(), tr("export.done.next"));
  }
}

}  // namespace safehold::gui
