#pragma once
// The intake in progress: a draft (intake_draft.hpp) edited step by step,
// saved to the vault's drafts table continuously (at most every few seconds
// while typing, and at once on step changes, pauses and lock).
//
// Contract: steps after "session" open only once consent is complete (given
// at, method, and "be interviewed" answered yes), as the data model requires
// consent before anything else is stored. Sensitive topics (V-Sensitive)
// count as opened only when listed in the session's sensitive_modules.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "safehold/appmodel/clock.hpp"
#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/intake_draft.hpp"
#include "safehold/appmodel/intake_validation.hpp"
#include "safehold/appmodel/intake_save.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class IntakeModel {
 public:
  static constexpr const char* kDraftKey = "intake/current";
  static constexpr std::chrono::seconds kAutosaveEvery{3};

  IntakeModel(const Clocks& clocks, Session& session) : session_(&session), since_save_(clocks) {}

  std::optional<IntakeDraft> draft;

  // Starts a fresh intake (the caller asked about any saved draft first).
  void begin();
  // Started-at time of a draft saved in the vault, if there is one.
  [[nodiscard]] std::optional<std::string> saved_draft() const;
  bool resume();
  void discard();

  // Call after any edit; autosave() writes when due (or when forced).
  void edited() { dirty_ = true; }
  void autosave(bool force = false);
  [[nodiscard]] const char* save_error_key() const { return save_error_key_; }
  [[nodiscard]] bool dirty() const { return dirty_; }

  [[nodiscard]] const char* consent_missing_key() const;  // nullptr when complete
  [[nodiscard]] bool consent_complete() const { return consent_missing_key() == nullptr; }
  [[nodiscard]] bool step_open(IntakeStep s) const;
  void go(IntakeStep s);

  // Required fields still empty (intake_validation.hpp). A field's problem
  // is shown once the caseworker left that field or its step, or tried to
  // save; a step is marked incomplete under the same rule.
  [[nodiscard]] std::vector<IntakeProblem> problems() const;
  [[nodiscard]] bool step_incomplete(IntakeStep s) const;
  void field_left(std::string_view probe);
  // i18n key of the problem to show under the field drawn as `probe` (for
  // the selected item in a list step), or nullptr.
  [[nodiscard]] const char* field_problem(std::string_view probe) const;
  // Where Save found the first problem: the field's probe name, given once
  // to the screen to scroll it into view.
  [[nodiscard]] std::string take_scroll_target() { return std::exchange(scroll_target_, {}); }

  // Breaks are logged in the session record (start, end, who asked).
  void pause(std::string_view requested_by);
  void resume_after_pause();
  [[nodiscard]] bool paused() const { return paused_; }

  [[nodiscard]] std::set<std::string> sensitive_opened() const;

  std::size_t add_incident();
  std::size_t add_person();
  std::size_t add_measure();
  std::size_t add_evidence(std::string file);

  // Records of the draft a reference field may point to: (draft id, label).
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> options(std::string_view entity) const;

  // Saves the draft as records on a worker thread (intake_save.hpp). The
  // draft stays until the save succeeded; then it is deleted from the vault.
  // With a required field empty nothing starts: every problem is shown, the
  // first one's step and item are opened and it is scrolled to.
  bool save();
  [[nodiscard]] bool saving() const { return save_work_.busy(); }
  [[nodiscard]] const IntakeSaveProgress& save_progress() const { return progress_; }
  // Once per frame while unlocked: returns the saved case once, on success.
  std::optional<SavedCase> poll_save();
  [[nodiscard]] const std::optional<IntakeSaveError>& save_failure() const { return save_failure_; }
  void wait() { save_work_.wait(); }
  // Lock: stops a running save at its next file chunk (nothing is stored;
  // the draft stays), then waits for it.
  void cancel_save() {
    progress_.cancel = true;
    save_work_.wait();
  }

  // Drops everything in memory (lock). The caller autosaves first.
  void reset();

  int selected = -1;  // item of the current list step

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  ElapsedSince since_save_;
  bool dirty_ = false;
  bool paused_ = false;
  bool save_attempted_ = false;
  std::set<std::string, std::less<>> fields_left_;  // probe + "#" + item
  std::set<IntakeStep> steps_left_;
  std::string scroll_target_;
  const char* save_error_key_ = nullptr;
  void forget_checks();
  Background<expected<SavedCase, IntakeSaveError>> save_work_;
  IntakeSaveProgress progress_;
  std::optional<IntakeSaveError> save_failure_;
};

}  // namespace safehold::appmodel
