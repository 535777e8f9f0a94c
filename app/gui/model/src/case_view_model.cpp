#include "safehold/appmodel/case_view_model.hpp"

#include <algorithm>

#include "safehold/appmodel/record_fields.hpp"
#include "safehold/core/casework/notified_changes.hpp"
#include "safehold/appmodel/session_breaks.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

bool CaseViewModel::load(const std::string& case_id) {
  storage::Vault& vault = session_->vault();
  if (case_id == loaded_id_) return error_key_ == nullptr;
  clear_loaded();
  if (add.open() && add.case_id() != case_id && !add.saving()) {
    keep_unsaved_add();
    add.cancel();
  }
  loaded_id_ = case_id;
  auto c = vault.records().get(case_id);
  if (!c) {
    error_key_ = "case.error.read";
    error_detail_ = c.error().describe();
    return false;
  }
  case_ = std::move(*c);
  auto all = vault.records().list(case_id);
  if (!all) {
    error_key_ = "case.error.read";
    error_detail_ = all.error().describe();
    return false;
  }
  shown_codepoints().add_json(case_->fields);
  for (auto& r : *all) {
    shown_codepoints().add_json(r.fields);
    if (r.entity == "evidence_item") {
      if (auto a = vault.attachments().for_evidence(r.id); a && *a) attachments_.emplace(r.id, **a);
    }
    by_entity_[r.entity].push_back(std::move(r));
  }
  if (auto h = vault.audit().for_case(case_id)) history_ = std::move(*h);
  build_timeline();
  overview_ = summarize_case(*this, vault);
  restore_unsaved_add(case_id);
  return true;
}

const std::vector<storage::Record>& CaseViewModel::of(const std::string& entity) const {
  static const std::vector<storage::Record> kNone;
  auto it = by_entity_.find(entity);
  return it == by_entity_.end() ? kNone : it->second;
}

std::optional<storage::AttachmentInfo> CaseViewModel::attachment_for(const std::string& evidence_id) const {
  auto it = attachments_.find(evidence_id);
  if (it == attachments_.end()) return std::nullopt;
  return it->second;
}

void CaseViewModel::begin_edit(const storage::Record& r) {
  edit_id_ = r.id;
  edit_fields_ = r.fields;
  error_key_ = nullptr;
  error_detail_.clear();
}

void CaseViewModel::cancel_edit() {
  edit_id_.clear();
  edit_fields_ = nlohmann::json();
}

bool CaseViewModel::save_edit() {
  storage::Vault& vault = session_->vault();
  // Through core: a consent withdrawal filled in here issues the notice to
  // the case's earlier recipients in the same batch, as `consent withdraw` does.
  auto r = core::casework::save_record_edit(vault, edit_id_, edit_fields_);
  if (!r) {
    error_key_ = "case.error.save";
    error_detail_ = r.error().describe();
    return false;
  }
  cancel_edit();
  const std::string id = loaded_id_;
  loaded_id_.clear();
  return load(id);
}

void CaseViewModel::build_timeline() {
  std::vector<std::pair<std::string, const storage::Record*>> keyed;
  for (const auto& r : of("incident")) keyed.emplace_back(date_of(r.fields, "start_date").value, &r);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.first < b.first;
  });
  timeline_.clear();
  for (const auto& k : keyed) timeline_.push_back(k.second);
}

bool CaseViewModel::save_copy(const storage::Record& evidence,
                              const std::filesystem::path& folder) {
  storage::Vault& vault = session_->vault();
  const auto a = attachment_for(evidence.id);
  if (!a) return false;
  std::string name = std::filesystem::path(text_of(evidence.fields, "original_file_name")).filename().string();
  if (name.empty() || name == "." || name == "..") name = "evidence-" + evidence.id.substr(0, 8);
  std::filesystem::path target = folder / name;
  std::error_code ec;
  for (int n = 2; std::filesystem::exists(target, ec); ++n) {
    target = folder / (std::filesystem::path(name).stem().string() + " (" + std::to_string(n) + ")" +
                       std::filesystem::path(name).extension().string());
  }
  if (auto r = vault.attachments().export_plaintext(a->id, target); !r) {
    error_key_ = "case.error.copy";
    error_detail_ = r.error().describe();
    return false;
  }
  last_copy_ = target;
  error_key_ = nullptr;
  return true;
}

bool CaseViewModel::poll_add() {
  auto id = add.poll();
  if (!id) return false;
  const std::string case_id = loaded_id_;
  loaded_id_.clear();
  if (!case_id.empty()) (void)load(case_id);
  return true;
}

std::set<std::string> CaseViewModel::sensitive_opened() const {
  std::set<std::string> out;
  for (const auto& s : of("interview_session")) out.merge(sensitive_modules_of(s.fields));
  if (add.open() && add.entity() == "interview_session") out.merge(sensitive_modules_of(add.fields()));
  return out;
}

void CaseViewModel::keep_unsaved_add() {
  storage::Vault& vault = session_->vault();
  add.stop_save();
  if (auto d = add.draft_json()) (void)vault.drafts().put(CaseAddModel::draft_key(add.case_id()), *d);
}

void CaseViewModel::restore_unsaved_add(const std::string& case_id) {
  storage::Vault& vault = session_->vault();
  if (add.open()) return;
  const std::string key = CaseAddModel::draft_key(case_id);
  auto d = vault.drafts().get(key);
  if (!d || !*d) return;
  // Once back in memory the form is the only copy until the next lock or
  // case change writes it again; a draft that does not parse is dropped.
  (void)add.restore(case_id, **d);
  (void)vault.drafts().remove(key);
}

void CaseViewModel::reset() {
  add.reset();
  clear_loaded();
}

void CaseViewModel::clear_loaded() {
  last_copy_.clear();
  loaded_id_.clear();
  case_.reset();
  by_entity_.clear();
  attachments_.clear();
  history_.clear();
  timeline_.clear();
  overview_ = {};
  cancel_edit();
  error_key_ = nullptr;
  error_detail_.clear();
}

}  // namespace safehold::appmodel
