#pragma once
// The open case: its record and all records of the case grouped by entity,
// read once on open and after every change; edits go through
// core::casework::save_record_edit (RecordStore::update: validated,
// consent-checked and audited by the vault; a consent withdrawal issues its
// notice in the same batch).
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "safehold/appmodel/case_add_model.hpp"
#include "safehold/appmodel/case_overview.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class CaseViewModel {
 public:
  explicit CaseViewModel(Session& session) : add(session), session_(&session) {}

  // Loads `case_id` if it is not the one loaded. False and error_key() on failure.
  bool load(const std::string& case_id);
  void reload() { loaded_id_.clear(); }
  [[nodiscard]] const std::optional<storage::Record>& case_record() const { return case_; }
  [[nodiscard]] const std::vector<storage::Record>& of(const std::string& entity) const;
  [[nodiscard]] const std::vector<storage::AuditEntry>& history() const { return history_; }
  [[nodiscard]] const CaseOverview& overview() const { return overview_; }
  [[nodiscard]] std::optional<storage::AttachmentInfo> attachment_for(const std::string& evidence_id) const;

  // In-place editing of one record.
  void begin_edit(const storage::Record& r);
  [[nodiscard]] bool editing(const std::string& id) const { return edit_id_ == id; }
  nlohmann::json& edit_fields() { return edit_fields_; }
  void cancel_edit();
  // Saves through core::casework::save_record_edit: a withdrawal filled in
  // on the consent of the vault's own case issues its notice with it.
  bool save_edit();
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }

  // Writes a plaintext copy of an evidence item's file into `folder` (the
  // user confirmed a warning first: the copy is outside the vault's
  // protection). The vault audits it as attachment_exported. Returns the
  // path written; false and error_key() on failure (an existing file is
  // never overwritten).
  bool save_copy(const storage::Record& evidence, const std::filesystem::path& folder);
  [[nodiscard]] const std::filesystem::path& last_copy() const { return last_copy_; }

  // Adding a record to the loaded case (case_add_model.hpp). Survives
  // reloads of the same case. When another case loads, an unsaved form is
  // kept as that case's encrypted draft and comes back when its case loads
  // again; keep_unsaved_add() does the same before lock.
  CaseAddModel add;
  // Lock: stops a running save, then keeps an unsaved form as a draft.
  void keep_unsaved_add();
  // Once per frame: collects a finished add. True when a record was added
  // (then the case was read again: the record is in its tab and History).
  bool poll_add();
  // The V-Sensitive modules opened by any session of the case (or by the
  // session being added): the forms show those modules' fields.
  [[nodiscard]] std::set<std::string> sensitive_opened() const;

  // Incidents ordered by start date (undated last), for the timeline;
  // computed once per load.
  [[nodiscard]] const std::vector<const storage::Record*>& timeline() const { return timeline_; }
  // Lock: drops the loaded case, any edit and any add-form (after
  // keep_unsaved_add()).
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  void clear_loaded();
  void restore_unsaved_add(const std::string& case_id);
  std::string loaded_id_;
  std::optional<storage::Record> case_;
  std::map<std::string, std::vector<storage::Record>> by_entity_;
  std::map<std::string, storage::AttachmentInfo> attachments_;
  std::vector<storage::AuditEntry> history_;
  std::vector<const storage::Record*> timeline_;
  CaseOverview overview_;
  void build_timeline();
  std::filesystem::path last_copy_;
  std::string edit_id_;
  nlohmann::json edit_fields_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

}  // namespace safehold::appmodel
