#include "safehold/appmodel/case_add_model.hpp"

#include <array>
#include <atomic>
#include <memory>
#include <utility>

#include "safehold/appmodel/intake_save.hpp"
#include "safehold/core/casework/record_set.hpp"
#include "safehold/appmodel/session_breaks.hpp"

namespace safehold::appmodel {

bool CaseAddModel::addable(std::string_view entity) {
  static constexpr std::array<std::string_view, 7> kAddable = {
      "interview_session", "person", "incident", "legal_measure", "evidence_item", "risk_assessment", "intervention"};
  for (auto e : kAddable) {
    if (e == entity) return true;
  }
  return false;
}

void CaseAddModel::begin(std::string case_id, std::string entity) {
  if (saving() || !addable(entity)) return;
  cancel();
  case_id_ = std::move(case_id);
  entity_ = std::move(entity);
  if (entity_ == "interview_session") fields_["start"] = utc_now();
  if (entity_ == "risk_assessment") fields_["assessed_at"] = utc_now();
}

void CaseAddModel::begin_evidence(std::string case_id, std::string file) {
  begin(std::move(case_id), "evidence_item");
  if (entity_ != "evidence_item") return;
  file_ = std::move(file);
  fields_["acquired_at"] = utc_now();
}

void CaseAddModel::begin_custody(std::string case_id, std::string evidence_id) {
  if (saving() || evidence_id.empty()) return;
  cancel();
  case_id_ = std::move(case_id);
  entity_ = "custody_event";
  fields_["evidence"] = std::move(evidence_id);
  fields_["at"] = utc_now();
}

std::string CaseAddModel::custody_of() const {
  return entity_ == "custody_event" ? text_of(fields_, "evidence") : std::string();
}

void CaseAddModel::pause(std::string_view requested_by) {
  if (entity_ != "interview_session" || paused_) return;
  start_break(fields_, requested_by);
  paused_ = true;
}

void CaseAddModel::resume_after_pause() {
  if (!paused_) return;
  end_break(fields_);
  paused_ = false;
}

bool CaseAddModel::save() {
  storage::Vault& vault = session_->vault();
  if (!open() || paused_) return false;
  error_key_ = nullptr;
  error_detail_.clear();
  stop_ = std::make_shared<std::atomic<bool>>(false);
  return work_.start([&vault, case_id = case_id_, entity = entity_, fields = fields_, file = file_,
                      stop = stop_]() mutable {
    storage::OperationHooks hooks;
    hooks.cancel_requested = [stop] { return stop->load(); };
    return add_case_record(vault, case_id, entity, std::move(fields), file, hooks);
  });
}

std::optional<std::string> CaseAddModel::poll() {
  auto done = work_.poll();
  if (!done) return std::nullopt;
  if (!*done) {
    const auto code = done->error().code;
    const bool consent = code == storage::VaultError::consent_required ||
                         code == storage::VaultError::consent_scope_refused;
    error_key_ = consent ? "case.add.refused" : "case.add.failed";
    error_detail_ = done->error().describe();
    return std::nullopt;
  }
  std::string id = std::move(**done);
  cancel();
  return id;
}

void CaseAddModel::cancel() {
  if (saving()) return;
  case_id_.clear();
  entity_.clear();
  file_.clear();
  fields_ = Json::object();
  paused_ = false;
  restored_ = false;
  error_key_ = nullptr;
  error_detail_.clear();
}

void CaseAddModel::stop_save() {
  if (stop_) stop_->store(true);  // a file import stops at its next chunk; the Batch rolls back
  work_.wait();
  (void)poll();
}

void CaseAddModel::reset() {
  stop_save();
  cancel();
}

std::string CaseAddModel::draft_key(std::string_view case_id) { return "case-add/" + std::string(case_id); }

std::optional<std::string> CaseAddModel::draft_json() const {
  if (!open() || saving()) return std::nullopt;
  return Json{{"entity", entity_}, {"fields", fields_}, {"file", file_}, {"paused", paused_}}.dump();
}

bool CaseAddModel::restore(std::string case_id, std::string_view draft) {
  if (open() || saving()) return false;
  Json d = Json::parse(draft, nullptr, /*allow_exceptions=*/false);
  const auto entity_ok = [](const Json& e) {
    return e.is_string() && (addable(e.get<std::string>()) || e.get<std::string>() == "custody_event");
  };
  if (!d.is_object() || !d.contains("entity") || !entity_ok(d["entity"]) ||
      !d.contains("fields") || !d["fields"].is_object() || !d.contains("file") || !d["file"].is_string() ||
      !d.contains("paused") || !d["paused"].is_boolean()) {
    return false;
  }
  case_id_ = std::move(case_id);
  entity_ = d["entity"].get<std::string>();
  fields_ = std::move(d["fields"]);
  file_ = d["file"].get<std::string>();
  paused_ = d["paused"].get<bool>() && entity_ == "interview_session";
  restored_ = true;
  return true;
}

expected<std::string, storage::StorageError> add_case_record(storage::Vault& vault, const std::string& case_id,
                                                             const std::string& entity, Json fields,
                                                             const std::string& file,
                                                             const storage::OperationHooks& hooks) {
  if (!file.empty()) {
    auto identity = vault.consent().scope(case_id, "store_real_identity");
    if (!identity) return unexpected(identity.error());
    add_file_fields(fields, file, *identity == "yes");
  }
  core::casework::RecordSet set{case_id, {{"", entity, std::move(fields), file}}};
  auto written = core::casework::write_record_set(vault, set, {hooks, {}});
  if (!written) {
    const auto& e = written.error();
    return unexpected(e.vault ? *e.vault : storage::make_error(storage::VaultError::invalid_argument, e.describe()));
  }
  return written->records.front().id;
}

}  // namespace safehold::appmodel
