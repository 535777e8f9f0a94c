#pragma once
// Adding one record to an open case from the case view (issue 5): a
// follow-up interview session, a person, an incident, a legal measure, an
// evidence item (a file, or described only), a risk reassessment, an
// intervention, and a custody event the caseworker records on an evidence
// item (handed to a lawyer, original returned…; the vault itself writes the
// hashed/copied ones, the exchange the transferred/received ones).
//
// Contract: the form lives in memory while it is shown. Lock, or opening
// another case, keeps an unsaved form as an encrypted draft in the vault's
// drafts table under draft_key(case) (draft_json()/restore(), driven by
// CaseViewModel), so a form typed during an interview survives auto-lock;
// restoring removes the draft. cancel() drops the form, and the global wiping
// operator delete clears the freed JSON strings. save() writes through the vault in one
// Batch on a worker thread, exactly as the intake does (RecordStore::create,
// then AttachmentStore::import_file for an evidence file, which streams the
// file encrypted into the vault: no plaintext copy). The vault validates,
// enforces consent and audits; when it refuses, the form stays as typed and
// error_key()/error_detail() say why in one line (codes, field and scope
// names only, never record content).
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class CaseAddModel {
 public:
  explicit CaseAddModel(Session& session) : session_(&session) {}

  // Entities added with the "Add …" button of their tab (custody events are
  // added under their evidence item: begin_custody).
  [[nodiscard]] static bool addable(std::string_view entity);

  // Opens an empty form for `entity` in case `case_id` (replacing any open one).
  void begin(std::string case_id, std::string entity);
  // Opens an evidence form for a file chosen in the in-app browser; an empty
  // `file` is an item described only (e.g. a document the person keeps).
  void begin_evidence(std::string case_id, std::string file);
  // Opens a custody-event form for evidence item `evidence_id`, timed now.
  void begin_custody(std::string case_id, std::string evidence_id);
  // The evidence item an open custody-event form is about, else "".
  [[nodiscard]] std::string custody_of() const;
  [[nodiscard]] bool open() const { return !entity_.empty(); }
  [[nodiscard]] const std::string& entity() const { return entity_; }
  [[nodiscard]] const std::string& case_id() const { return case_id_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  Json& fields() { return fields_; }
  [[nodiscard]] const Json& fields() const { return fields_; }

  // A follow-up session logs breaks like the intake (session_breaks.hpp).
  void pause(std::string_view requested_by);
  void resume_after_pause();
  [[nodiscard]] bool paused() const { return paused_; }

  // Starts the save on a worker thread; false if nothing is open or a save runs.
  bool save();
  [[nodiscard]] bool saving() const { return work_.busy(); }
  // Once per frame: the new record's id, once, when the save succeeded (the
  // form is then closed). A refusal keeps the form and sets error_key().
  std::optional<std::string> poll();
  void wait() { work_.wait(); }

  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }

  // Discards the unsaved form.
  void cancel();
  // Stops a running save (a file import at its next chunk; nothing stored),
  // waits, and collects its result: a save that finished closes the form.
  void stop_save();

  // The drafts-table key of a case's unsaved add-form.
  [[nodiscard]] static std::string draft_key(std::string_view case_id);
  // The open form as a draft (entity, fields, file, paused); nullopt when no
  // form is open or a save runs.
  [[nodiscard]] std::optional<std::string> draft_json() const;
  // Reopens a form from draft_json() for `case_id`; false (nothing changes)
  // when the text is not such a draft or a form is open.
  bool restore(std::string case_id, std::string_view draft);
  // True after restore() until the form is closed: the screen says so.
  [[nodiscard]] bool restored() const { return restored_; }
  // Lock: stops a running save (an evidence file import stops at its next
  // chunk and nothing is stored), waits for it, then discards everything.
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  std::string case_id_;
  std::string entity_;
  std::string file_;
  Json fields_ = Json::object();
  bool paused_ = false;
  bool restored_ = false;
  const char* error_key_ = nullptr;
  std::string error_detail_;
  Background<expected<std::string, storage::StorageError>> work_;
  std::shared_ptr<std::atomic<bool>> stop_;  // the running save's cancel flag
};

// Stores one new record of `entity` in `case_id`, with `file` imported as its
// encrypted attachment when not empty (evidence only), in one Batch.
// `hooks` may cancel the file import: then nothing is stored.
[[nodiscard]] expected<std::string, storage::StorageError> add_case_record(
    storage::Vault& vault, const std::string& case_id, const std::string& entity, Json fields,
    const std::string& file, const storage::OperationHooks& hooks = {});

}  // namespace safehold::appmodel
