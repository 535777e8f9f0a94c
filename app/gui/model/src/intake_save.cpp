#include "safehold/appmodel/intake_save.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace safehold::appmodel {
namespace {

using IdMap = std::map<std::string, std::string, std::less<>>;

// Replaces every string equal to a draft id by the stored record's id.
void remap(Json& j, const IdMap& ids) {
  if (j.is_string()) {
    if (auto it = ids.find(j.get_ref<const std::string&>()); it != ids.end()) j = it->second;
  } else if (j.is_array() || j.is_object()) {
    for (auto& v : j) remap(v, ids);
  }
}

struct Saver {
  storage::Vault& vault;
  IdMap ids;
  std::string case_id;

  expected<std::string, IntakeSaveError> create(const char* step, std::string_view entity, const DraftRecord& r,
                                                Json fields) {
    remap(fields, ids);
    auto rec = vault.records().create(entity, case_id, std::move(fields));
    if (!rec) return unexpected(IntakeSaveError{step, rec.error().describe()});
    ids[r.id] = rec->id;
    return rec->id;
  }
};

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
  auto batch = vault.begin_batch();
  if (!batch) return unexpected(IntakeSaveError{"intake.save.step.case", batch.error().describe()});
  Saver s{vault, {}, {}};

  Json case_fields = draft.case_record.fields;
  if (text_of(case_fields, "title").empty()) case_fields["title"] = "Intake " + draft.started_at.substr(0, 10);
  auto c = vault.records().create("case", "", case_fields);
  if (!c) return unexpected(IntakeSaveError{"intake.save.step.case", c.error().describe()});
  s.case_id = c->id;
  SavedCase out{c->id, text_of(c->fields, "reference")};

  auto consent_id = s.create("intake.save.step.consent", "consent", draft.consent, draft.consent.fields);
  if (!consent_id) return unexpected(consent_id.error());
  if (auto r = s.create("intake.save.step.session", "interview_session", draft.session, draft.session.fields); !r) {
    return unexpected(r.error());
  }
  auto person = s.create("intake.save.step.interviewee", "person", draft.interviewee, draft.interviewee.fields);
  if (!person) return unexpected(person.error());
  Json consent_fields = draft.consent.fields;
  consent_fields["person"] = *person;
  remap(consent_fields, s.ids);
  if (auto r = vault.records().update(*consent_id, consent_fields); !r) {
    return unexpected(IntakeSaveError{"intake.save.step.consent", r.error().describe()});
  }
  for (const auto& p : draft.people) {
    if (auto r = s.create("intake.save.step.people", "person", p, p.fields); !r) return unexpected(r.error());
  }
  for (const auto& i : draft.incidents) {
    if (auto r = s.create("intake.save.step.incidents", "incident", i, i.fields); !r) return unexpected(r.error());
  }
  // Measures and evidence refer to each other: measures first without their
  // evidence links, then evidence, then the links.
  for (const auto& m : draft.measures) {
    Json fields = m.fields;
    fields.erase("evidence");
    if (auto r = s.create("intake.save.step.measures", "legal_measure", m, fields); !r) return unexpected(r.error());
  }
  const bool may_keep_names = text_of(draft.consent.fields.value("scopes", Json::object()), "store_real_identity") == "yes";
  if (progress != nullptr) {
    progress->files_total = static_cast<int>(std::count_if(draft.evidence.begin(), draft.evidence.end(),
                                                           [](const DraftEvidence& e) { return !e.file.empty(); }));
  }
  for (const auto& e : draft.evidence) {
    Json fields = e.record.fields;
    if (!e.file.empty()) add_file_fields(fields, e.file, may_keep_names);
    auto id = s.create("intake.save.step.evidence", "evidence_item", e.record, fields);
    if (!id) return unexpected(id.error());
    if (e.file.empty()) continue;
    storage::OperationHooks hooks;
    if (progress != nullptr) hooks.cancel_requested = [progress] { return progress->cancel.load(); };
    if (auto r = vault.attachments().import_file(*id, e.file, hooks); !r) {
      return unexpected(IntakeSaveError{"intake.save.step.files", r.error().describe()});
    }
    if (progress != nullptr) ++progress->files_done;
  }
  for (const auto& m : draft.measures) {
    if (!m.fields.contains("evidence")) continue;
    Json fields = m.fields;
    remap(fields, s.ids);
    if (auto r = vault.records().update(s.ids[m.id], fields); !r) {
      return unexpected(IntakeSaveError{"intake.save.step.measures", r.error().describe()});
    }
  }
  if (!draft.risk.fields.empty()) {
    if (auto r = s.create("intake.save.step.risk", "risk_assessment", draft.risk, draft.risk.fields); !r) {
      return unexpected(r.error());
    }
  }
  if (auto r = batch->commit(); !r) return unexpected(IntakeSaveError{"intake.save.step.commit", r.error().describe()});
  return out;
}

}  // namespace safehold::appmodel
