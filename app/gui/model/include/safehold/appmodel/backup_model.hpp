#pragma once
// Settings → Backup: writes a backup of the open vault to a file the person
// chose, then (by default) verifies it, on a worker thread with progress and
// Cancel; a verified backup is recorded in the vault exactly as
// `safehold-cli backup verify` records it (storage::record_verified_backup).
// The passphrase is asked again (the backup opens only with it) in a
// PassphraseField; the worker gets a SecretBuffer copy and the field is
// wiped as the work starts.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/passphrase_field.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class BackupModel {
 public:
  enum class Phase { idle, writing, verifying };

  PassphraseField passphrase;
  std::string file_name;       // in `folder`; a default name dated today
  std::filesystem::path folder;  // chosen with the file browser
  bool verify_after = true;    // verify right after writing

  explicit BackupModel(Session& session);
  // Writes `folder`/`file_name` from the session's vault.
  bool start_backup();
  // Verifies an existing backup file (chosen with the file browser).
  bool start_verify(const std::filesystem::path& file);
  [[nodiscard]] bool running() const { return work_.busy(); }
  [[nodiscard]] Phase phase() const { return phase_.load(); }
  void cancel() { cancel_ = true; }
  // Fraction of the current phase's bytes (0..1), -1 while unknown (Argon2id).
  [[nodiscard]] float progress() const;
  [[nodiscard]] std::uint64_t entries_done() const { return entries_done_.load(); }
  [[nodiscard]] std::uint64_t entries_total() const { return entries_total_.load(); }
  // Once per frame: collects a finished run; a verified backup of this
  // vault is recorded in it.
  void poll();
  void wait() { work_.wait(); }

  // What the last run did (the file written and/or verified).
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }
  [[nodiscard]] bool written() const { return written_; }
  [[nodiscard]] bool verified() const { return verified_; }
  [[nodiscard]] bool cancelled() const { return cancelled_; }
  // i18n key of the refusal (nullptr if none) and storage's one-line detail.
  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }

  // The vault's record of its last verified backup, and whether nothing
  // changed since (the guard the wipe uses). Read again after each run.
  void refresh();
  [[nodiscard]] const std::optional<storage::VerifiedBackup>& last_verified() const { return last_verified_; }
  [[nodiscard]] bool verified_is_current() const { return current_; }

  // Cancels and waits for running work, wipes the passphrase, forgets all.
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  struct Outcome {
    std::optional<storage::BackupSummary> summary;
    std::optional<storage::BackupFailure> failure;
    bool written = false;
    bool verified = false;
  };
  bool start(const std::filesystem::path& vault_folder, const std::filesystem::path& file, bool write);
  [[nodiscard]] storage::BackupHooks hooks();

  Background<Outcome> work_;
  std::atomic<Phase> phase_{Phase::idle};
  std::atomic<std::uint64_t> bytes_done_{0}, bytes_total_{0}, entries_done_{0}, entries_total_{0};
  std::atomic<bool> cancel_{false};
  std::filesystem::path file_;
  bool written_ = false;
  bool verified_ = false;
  bool cancelled_ = false;
  const char* error_key_ = nullptr;
  std::string error_detail_;
  std::optional<storage::VerifiedBackup> last_verified_;
  bool current_ = false;
};

// The i18n key for a backup refusal ("backup.error.damaged"...).
[[nodiscard]] const char* backup_error_key(storage::BackupError e) noexcept;

}  // namespace safehold::appmodel
