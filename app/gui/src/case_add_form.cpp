// The case view's add-forms (issue 5): one "Add …" button per tab, and the
// form of the record being added, drawn with the intake's form sections.
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
  return "intake.explain.risk";
}

constexpr std::string_view kNotes[] = {"notes"};

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
      const char* home = std::getenv("HOME");
      add_browser_.Open(home != nullptr ? home : "/", appmodel::FileBrowser::Pick::file, "files.title");
    } else {
      add.begin(case_id, entity);
    }
  }
  Probe(key.c_str());
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
  Heading(tr("case.add.title." + entity));
  if (entity == "interview_session") {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("intake.pause"))) add.pause("interviewee");
    Probe("case.add.pause");
  }
  Explain(explain_key(entity));
  const std::set<std::string> opened = m.sensitive_opened();
  FormContext ctx = CaseFormContext(m, opened, "case.add." + entity + ".");
  const schema::EntityDef& def = appmodel::builtin_entity(entity);
  ImGui::BeginDisabled(add.saving());
  ImGui::PushID("###add-form");
  if (entity == "interview_session") {
    (void)DrawSessionForm(add.fields(), ctx);
    (void)DrawRecordForm(def, add.fields(), ctx, kNotes);
  } else if (entity == "evidence_item") {
    DrawChosenFile(add.file(), "case.add.evidence.hash_note");
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
  if (ImGui::Button(tr("case.add.save"))) (void)add.save(app.session()->vault());
  Probe("case.add.save");
  ImGui::SameLine();
  if (ImGui::Button(tr("case.add.cancel"))) add.cancel();
  Probe("case.add.cancel");
  if (add.error_key() != nullptr) {
    WrappedColored(ErrorColor(), appmodel::trf("case.error.detail", {tr(add.error_key()), add.error_detail()}).c_str());
    Probe("case.add.error");
  }
}

}  // namespace safehold::gui
