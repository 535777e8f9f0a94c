// The steps of the intake screen: which fields each step shows, in which
// order, with the explanations a caseworker reads out or keeps in mind.
#include <imgui.h>

#include <array>
#include <span>
#include <vector>
#include <string>
#include <string_view>

#include "exact_text.hpp"
#include "intake_screen.hpp"
#include "shared_forms.hpp"
#include "shortcuts.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::IntakeStep;
using appmodel::Json;
using appmodel::tr;

namespace {

constexpr std::string_view kConsentFields[] = {
    "given_at", "method", "language", "interpreter", "comprehension_checked", "scopes",
    "allowed_recipients", "disclosure", "recontact_allowed", "recontact_method"};
constexpr std::string_view kIntervieweeFields[] = {
    "pseudonym", "legal_name", "aliases", "birth_date", "gender", "citizenship", "residence_status",
    "ethnicity", "religion", "languages", "occupation", "characteristics", "location", "exact_address",
    "safe_contact"};
constexpr std::string_view kNarrativeFields[] = {"notes"};
constexpr std::string_view kCaseFields[] = {
    "title", "status", "priority", "purposes", "privilege", "lead_worker", "retention_review"};

// The fields of a list step's record in the order drawn: an incident's
// tactics (its one required field) right after its title, one Tab away
// rather than behind a dozen optional fields (issue 11's keyboard count);
// every other entity in schema order (empty: all of them).
std::span<const std::string_view> FieldOrder(const schema::EntityDef& def) {
  if (def.name != "incident") return {};
  static const std::vector<std::string_view> order = [&def] {
    std::vector<std::string_view> v{"title", "tactics"};
    for (const auto& f : def.fields) {
      if (f.name != "title" && f.name != "tactics") v.push_back(f.name);
    }
    return v;
  }();
  return order;
}

}  // namespace

bool IntakeScreen::DrawStep(appmodel::AppModel& app, FormContext& ctx) {
  appmodel::IntakeModel& m = app.intake;
  appmodel::IntakeDraft& d = *m.draft;
  switch (d.step) {
    case IntakeStep::consent: return DrawConsent(m, ctx);
    case IntakeStep::session: return DrawSession(m, ctx);
    case IntakeStep::interviewee:
      Explain("intake.explain.interviewee");
      ctx.probe_prefix = "intake.interviewee.";
      return DrawRecordForm(appmodel::builtin_entity("person"), d.interviewee.fields, ctx, kIntervieweeFields);
    case IntakeStep::narrative:
      Explain("intake.explain.narrative");
      ctx.probe_prefix = "intake.narrative.";
      return DrawRecordForm(appmodel::builtin_entity("interview_session"), d.session.fields, ctx, kNarrativeFields);
    case IntakeStep::incidents:
      Explain("intake.explain.incidents");
      return DrawRecordList(m, ctx, "incident", d.incidents, "intake.add.incident", "title");
    case IntakeStep::people:
      Explain("intake.explain.people");
      return DrawRecordList(m, ctx, "person", d.people, "intake.add.person", "pseudonym");
    case IntakeStep::measures:
      Explain("intake.explain.measures");
      return DrawRecordList(m, ctx, "legal_measure", d.measures, "intake.add.measure", "type");
    case IntakeStep::evidence: return DrawEvidence(m, ctx);
    case IntakeStep::risk:
      Explain("intake.explain.risk");
      ctx.probe_prefix = "intake.risk.";
      return DrawRecordForm(appmodel::builtin_entity("risk_assessment"), d.risk.fields, ctx);
    case IntakeStep::closing: return DrawClosing(app, ctx);
  }
  return false;
}

bool IntakeScreen::DrawConsent(appmodel::IntakeModel& m, FormContext& ctx) {
  Explain("intake.explain.consent");
  ctx.probe_prefix = "intake.consent.";
  const bool changed = DrawRecordForm(appmodel::builtin_entity("consent"), m.draft->consent.fields, ctx, kConsentFields);
  if (const char* missing = m.consent_missing_key()) WrappedColored(WarningColor(), tr(missing));
  return changed;
}

bool IntakeScreen::DrawSession(appmodel::IntakeModel& m, FormContext& ctx) {
  Explain("intake.explain.session");
  ctx.probe_prefix = "intake.session.";
  return DrawSessionForm(m.draft->session.fields, ctx);
}

bool IntakeScreen::DrawRecordList(appmodel::IntakeModel& m, FormContext& ctx, const char* entity,
                                  std::vector<appmodel::DraftRecord>& items, const char* add_key,
                                  const char* title_field) {
  bool changed = false;
  const schema::EntityDef& def = appmodel::builtin_entity(entity);
  const auto* title = def.field(title_field);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string label = appmodel::text_of(items[i].fields, title_field);
    if (!label.empty() && title != nullptr && title->vocabulary != nullptr) {
      label = std::string(appmodel::vocab_label(title->vocabulary->name(), label));
    }
    if (label.empty()) label = appmodel::trf("intake.untitled", {std::to_string(i + 1)});
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(label.c_str(), m.selected == static_cast<int>(i))) m.selected = static_cast<int>(i);
    Probe((std::string("intake.") + entity + ".item." + std::to_string(i)).c_str());
    ImGui::PopID();
  }
  const bool none_open = m.selected < 0 || static_cast<std::size_t>(m.selected) >= items.size();
  if (none_open && TakeFocusRequest()) FocusNextItemVisibly();  // the step opens on "Add …"
  if (ImGui::Button(tr(add_key))) {
    std::size_t n = 0;
    if (std::string_view(entity) == "incident") n = m.add_incident();
    else if (std::string_view(entity) == "person") n = m.add_person();
    else n = m.add_measure();
    m.selected = static_cast<int>(n);
    changed = true;
    FocusNextTextField();  // typing goes on in the new record's first field
  }
  Probe(add_key);
  if (m.selected >= 0 && static_cast<std::size_t>(m.selected) < items.size()) {
    ImGui::Separator();
    ctx.probe_prefix = std::string("intake.") + entity + ".";
    ImGui::PushID(items[static_cast<std::size_t>(m.selected)].id.c_str());
    changed |= DrawRecordForm(def, items[static_cast<std::size_t>(m.selected)].fields, ctx, FieldOrder(def));
    if (ImGui::Button(tr("intake.remove"))) {
      items.erase(items.begin() + m.selected);
      m.selected = -1;
      changed = true;
    }
    Probe((std::string("intake.") + entity + ".remove").c_str());
    ImGui::PopID();
  }
  return changed;
}

bool IntakeScreen::DrawEvidence(appmodel::IntakeModel& m, FormContext& ctx) {
  Explain("intake.explain.evidence");
  bool changed = false;
  auto& items = m.draft->evidence;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& file = items[i].file;
    std::string label = file.empty() ? std::string(tr("intake.evidence.no_file"))
                                     : std::filesystem::path(file).filename().string();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(label.c_str(), m.selected == static_cast<int>(i))) m.selected = static_cast<int>(i);
    Probe(("intake.evidence.item." + std::to_string(i)).c_str());
    ImGui::PopID();
  }
  if (m.selected < 0 && TakeFocusRequest()) FocusNextItemVisibly();  // the step opens on "Add a file"
  if (ImGui::Button(tr("intake.add.evidence_file"))) {
    browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::file, "files.title");
  }
  Probe("intake.add.evidence_file");
  ImGui::SameLine();
  if (ImGui::Button(tr("intake.add.evidence_nofile"))) {
    m.selected = static_cast<int>(m.add_evidence(""));
    changed = true;
    FocusNextTextField();
  }
  Probe("intake.add.evidence_nofile");
  if (browser_.Draw()) {
    m.selected = static_cast<int>(m.add_evidence(browser_.chosen.string()));
    changed = true;
  }
  if (m.selected >= 0 && static_cast<std::size_t>(m.selected) < items.size()) {
    auto& e = items[static_cast<std::size_t>(m.selected)];
    ImGui::Separator();
    if (!e.file.empty()) DrawChosenFile(e.file, "intake.evidence.hash_note");
    ctx.probe_prefix = "intake.evidence.";
    ImGui::PushID(e.record.id.c_str());
    changed |= DrawRecordForm(appmodel::builtin_entity("evidence_item"), e.record.fields, ctx, EvidenceFormFields());
    if (ImGui::Button(tr("intake.remove"))) {
      items.erase(items.begin() + m.selected);
      m.selected = -1;
      changed = true;
    }
    ImGui::PopID();
  }
  return changed;
}

bool IntakeScreen::DrawClosing(appmodel::AppModel& app, FormContext& ctx) {
  appmodel::IntakeModel& m = app.intake;
  Explain("intake.explain.closing");
  bool changed = false;
  for (int i = 0; i < appmodel::kClosingChecks; ++i) {
    const std::string key = "intake.check." + std::to_string(i);
    changed |= CheckboxWrapped(key.c_str(), tr(key), &m.draft->closing[static_cast<std::size_t>(i)]);
    Probe(key.c_str());
  }
  ImGui::Spacing();
  Heading(tr("intake.case.title"));
  ctx.probe_prefix = "intake.case.";
  changed |= DrawRecordForm(appmodel::builtin_entity("case"), m.draft->case_record.fields, ctx, kCaseFields);
  ImGui::Spacing();
  if (m.saving()) {
    Spinner();
    ImGui::SameLine();
    const auto& p = m.save_progress();
    ImGui::TextUnformatted(appmodel::trf("intake.saving", {std::to_string(p.files_done.load()),
                                                          std::to_string(p.files_total.load())}).c_str());
    return changed;
  }
  if (ImGui::Button(tr("intake.save")) || shortcuts::Pressed(shortcuts::Action::save)) {
    (void)m.save();
  }
  shortcuts::Tooltip(shortcuts::Action::save);
  Probe("intake.save");
  ImGui::SameLine();
  ImGui::TextColored(MutedColor(), "%s", tr("intake.save.note"));
  if (const auto& fail = m.save_failure()) {
    WrappedColored(ErrorColor(), appmodel::trf("intake.save.failed", {tr(fail->step_key), fail->detail}).c_str());
    Probe("intake.save.failed");
  }
  return changed;
}

}  // namespace safehold::gui
