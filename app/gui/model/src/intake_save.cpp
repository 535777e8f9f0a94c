#include "safehold/appmodel/intake_save.hpp"
#include "safehold/appmodel/ui_wake.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <vector>

#include "safehold/core/casework/record_set.hpp"

namespace safehold::appmodel {
namespace {

// The i18n key of the step each record of the set belongs to.
struct Steps {
  std::vector<const char*> of_record;
  const char* at(const core::casework::RecordSetFailure& f) const {
    if (f.code == core::casework::RecordSetError::attachment) return "intake.save.step.files";
    if (f.code == core::casework::RecordSetError::commit) return "intake.save.step.commit";
    return f.index && *f.index < of_record.size() ? of_record[*f.index] : "intake.save.step.case";
  }
};

void add(core::casework::RecordSet& set, Steps& steps, const char* step, const char* entity, const DraftRecord& r,
         Json fields, std::string file = {}) {
  set.records.push_back({r.id, entity, std::move(fields), std::move(file)});
  steps.of_record.push_back(step);
}

}  // namespace

std::string guess_media_type(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".png", "image/png"}, {".gif", "image/gif"},
      {".heic", "image/heic"}, {".webp", "image/webp"}, {".pdf", "application/pdf"},
      {".mp4", "video/mp4"}, {".mov", "video/quicktime"}, {".mp3", "audio/mpeg"}, {".m4a", "audio/mp4"},
      {".ogg", "audio/ogg"}, {".opus", "audio/ogg"}, {".wav", "audio/wav"}, {".txt", "text/plain"},
      {".html", "text/html"}, {".json", "application/json"}, {".zip", "application/zip"},
      {".eml", "message/rfc822"}, {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

void add_file_fields(Json& evidence_fields, const std::string& file, bool may_keep_names) {
  evidence_fields["media_type"] = guess_media_type(file);
  if (may_keep_names) evidence_fields["original_file_name"] = std::filesystem::path(file).filename().string();
}

expected<SavedCase, IntakeSaveError> save_intake(storage::Vault& vault, const IntakeDraft& draft,
                                                 IntakeSaveProgress* progress) {
  // One set for core/casework's writer: it orders the records by the model
  // (case, consent, then the rest as listed here), maps draft ids to stored
  // ids both ways (consent -> interviewee, measure <-> evidence) and writes
  // everything, files included, in one batch.
  core::casework::RecordSet set;
  Steps steps;
  Json case_fields = draft.case_record.fields;
  if (text_of(case_fields, "title").empty()) case_fields["title"] = "Intake " + draft.started_at.substr(0, 10);
  add(set, steps, "intake.save.step.case", "case", draft.case_record, case_fields);
  Json consent_fields = draft.consent.fields;
  if (!draft.interviewee.id.empty()) consent_fields["person"] = draft.interviewee.id;
  add(set, steps, "intake.save.step.consent", "consent", draft.consent, consent_fields);
  add(set, steps, "intake.save.step.session", "interview_session", draft.session, draft.session.fields);
  add(set, steps, "intake.save.step.interviewee", "person", draft.interviewee, draft.interviewee.fields);
  for (const auto& p : draft.people) add(set, steps, "intake.save.step.people", "person", p, p.fields);
  for (const auto& i : draft.incidents) add(set, steps, "intake.save.step.incidents", "incident", i, i.fields);
  for (const auto& m : draft.measures) add(set, steps, "intake.save.step.measures", "legal_measure", m, m.fields);
  const bool may_keep_names = text_of(draft.consent.fields.value("scopes", Json::object()), "store_real_identity") == "yes";
  int files = 0;
  for (const auto& e : draft.evidence) {
    Json fields = e.record.fields;
    if (!e.file.empty()) add_file_fields(fields, e.file, may_keep_names);
    files += e.file.empty() ? 0 : 1;
    add(set, steps, "intake.save.step.evidence", "evidence_item", e.record, std::move(fields), e.file);
  }
  if (!draft.risk.fields.empty()) {
    add(set, steps, "intake.save.step.risk", "risk_assessment", draft.risk, draft.risk.fields);
  }
  core::casework::WriteHooks hooks;
  if (progress != nullptr) {
    progress->files_total = files;
    hooks.file.cancel_requested = [progress] { return progress->cancel.load(); };
    hooks.attachment_done = [progress](std::size_t) {
      ++progress->files_done;
      wake_ui_for_progress();
    };
  }
  auto written = core::casework::write_record_set(vault, set, hooks);
  if (!written) {
    const auto& e = written.error();
    return unexpected(IntakeSaveError{steps.at(e), e.vault ? e.vault->describe() : e.describe()});
  }
  return SavedCase{written->case_id, text_of(written->records.front().fields, "reference")};
}

}  // namespace safehold::appmodel
