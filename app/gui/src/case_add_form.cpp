// The case view's add-forms (issue 5): one "Add …" button per tab (and one
// per evidence item for a custody note), and the form of the record being
// added, drawn with the intake's form sections.
// The screen only issues commands; CaseAddModel saves through the vault.
#include <imgui.h>

#include <cstdlib>
#include <string>

#include "case_view_screen.hpp"
#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "shared_forms.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {

// The intake's explanation for the same kind of record.
const char* explain_key(const std::string& entity) {
  if (entity == "interview_session") return "intake.explain.session";
  if (entity == "person") return "intake.explain.people";
  if (entity == "incident") return "intake.explain.incidents";
  if (entity == "legal_measure") return "intake.explain.measures";
  if (entity == "evidence_item") return "case.add.explain.evidence";
  if (entity == "evidence_nofile") return "case.add.explain.evidence_nofile";
  if (entity == "intervention") return "case.add.explain.intervention";
  if (entity == "custody_event") return "case.add.explain.custody";
  return "intake.explain.risk";
}

constexpr std::string_view kNotes[] = {"notes"};
// The evidence item is the one the form was opened under.
constexpr std::string_view kCustodyFields[] = {"at", "action", "actor", "note", "hash_verified"};

// The custody form offers only steps a person takes: the vault records
// hashing and copying itself, the exchange sending and receiving.
const schema::EntityDef& manual_custody_entity() {
  static const schema::EntityDef def = [] {
    schema::EntityDef d = appmodel::builtin_entity("custody_event");
    for (auto& f : d.fields) {
      if (f.name == "action") f.exclude = {"hashed", "copied", "transferred", "received"};
    }
    return d;
  }();
  return def;
}

}  // namespace

void CaseViewScreen::DrawAddSection(appmodel::AppModel& app, const std::string& entity) {
  appmodel::CaseAddModel& add = app.case_view.add;
  const std::string key = "case.add." + entity;
  if (add.open() && add.entity() == entity) {
    DrawAddForm(app);
    ImGui::Separator();
    return;
  }
  // One add-form at a time: finish or cancel the open one first.
  ImGui::BeginDisabled(add.open());
  if (ImGui::Button(tr(key))) {
    const std::string& case_id = app.current_case();
    if (entity == "evidence_item") {
      add_browser_.Open(HomeFolder(), appmodel::FileBrowser::Pick::file, "files.title");
    } else {
      add.begin(case_id, entity);
    }
  }
  Probe(key.c_str());
  if (entity == "evidence_item") {
    // Described only: e.g. a document the person keeps and did not hand over.
    ImGui::SameLine();
    if (ImGui::Button(tr("intake.add.evidence_nofile"))) add.begin_evidence(app.current_case(), "");
    Probe("case.add.evidence_nofile");
  }
  ImGui::EndDisabled();
  if (add.open()) {
    ImGui::SameLine();
    ImGui::TextColored(MutedColor(), "%s", tr("case.add.other_open"));
  }
  if (entity == "evidence_item" && add_browser_.Draw()) {
    add.begin_evidence(app.current_case(), add_browser_.chosen.string());
  }
  ImGui::Spacing();
}

void CaseViewScreen::DrawAddForm(appmodel::AppModel& app) {
  appmodel::CaseViewModel& m = app.case_view;
  appmodel::CaseAddModel& add = m.add;
  const std::string entity = add.entity();
  if (add.paused()) {
    if (DrawPausedNotice("case.add.resume_after_pause")) add.resume_after_pause();
    return;
  }
  const bool described_only = entity == "evidence_item" && add.file().empty();
  const std::string kind = described_only ? std::string("evidence_nofile") : entity;
  Heading(tr("case.add.title." + kind));
  if (entity == "interview_session") {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("intake.pause"))) add.pause("interviewee");
    Probe("case.add.pause");
  }
  Explain(explain_key(kind));
  if (add.restored()) {
    WrappedColored(MutedColor(), tr("case.add.restored"));
    Probe("case.add.restored");
  }
  const std::set<std::string> opened = m.sensitive_opened();
  FormContext ctx = CaseFormContext(m, opened, "case.add." + entity + ".");
  const schema::EntityDef& def =
      entity == "custody_event" ? manual_custody_entity() : appmodel::builtin_entity(entity);
  ImGui::BeginDisabled(add.saving());
  ImGui::PushID("###add-form");
  if (entity == "interview_session") {
    (void)DrawSessionForm(add.fields(), ctx);
    (void)DrawRecordForm(def, add.fields(), ctx, kNotes);
  } else if (entity == "custody_event") {
    (void)DrawRecordForm(def, add.fields(), ctx, kCustodyFields);
  } else if (entity == "evidence_item") {
    if (!described_only) DrawChosenFile(add.file(), "case.add.evidence.hash_note");
    (void)DrawRecordForm(def, add.fields(), ctx, EvidenceFormFields());
  } else {
    (void)DrawRecordForm(def, add.fields(), ctx);
  }
  ImGui::PopID();
  ImGui::EndDisabled();
  if (add.saving()) {
    Spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("case.add.saving"));
    return;
  }
  if (ImGui::Button(tr("case.add.save"))) (void)add.save();
  Probe("case.add.save");
  ImGui::SameLine();
  if (ImGui::Button(tr("case.add.cancel"))) add.cancel();
  Probe("case.add.cancel");
  if (add.error_key() != nullptr) {
    WrappedColored(ErrorColor(), appmodel::trf("case.error.detail", {tr(add.error_key()), add.error_detail()}).c_str());
    Probe("case.add.error");
  }
}

void CaseViewScreen::DrawCustodyAdd(appmodel::AppModel& app, const storage::Record& evidence) {
  appmodel::CaseAddModel& add = app.case_view.add;
  if (add.custody_of() == evidence.id) {
    ImGui::Indent();
    DrawAddForm(app);
    ImGui::Unindent();
    return;
  }
  ImGui::BeginDisabled(add.open());
  if (ImGui::SmallButton(tr("case.add.custody_event"))) add.begin_custody(app.current_case(), evidence.id);
  Probe(("case.custody.add." + evidence.id).c_str());
  ImGui::EndDisabled();
}

}  // namespace safehold::gui
