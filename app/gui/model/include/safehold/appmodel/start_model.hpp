#pragma once
// State and commands of the start screen: create a vault, unlock one, or
// restore one from a backup file (after a journey, a lost laptop or a wipe).
//
// Contract: submit() validates and starts the slow Argon2id work on a worker
// thread; poll() (called once per frame) collects the result. A wrong
// passphrase sets an error and keeps every other field as typed. On success
// the unlocked vault is handed to the caller and both passphrase fields are
// wiped.
//
// Restore: storage::restore_backup into `folder` (new or empty), then an
// unlock of the restored vault with the same passphrase, both on the worker
// thread; the caseworker lands in the restored vault in one action. A
// refused or cancelled restore leaves nothing in the folder (the library
// stages beside it); a restored vault that then fails to unlock is offered
// on the Unlock tab.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <variant>

#include "safehold/appmodel/passphrase_field.hpp"
#include "safehold/appmodel/passphrase_strength.hpp"
#include "safehold/appmodel/vault_opener.hpp"
#include "safehold/storage/backup.hpp"

namespace safehold::appmodel {

class StartModel {
 public:
  enum class Mode { unlock, create, restore };

  explicit StartModel(const VaultOpener& opener) : opener_(&opener) {}
  ~StartModel();
  StartModel(const StartModel&) = delete;
  StartModel& operator=(const StartModel&) = delete;

  // Fields the screen edits directly.
  Mode mode = Mode::unlock;
  std::string folder;          // vault folder, UTF-8
  PassphraseField passphrase;
  PassphraseField repeat;      // create only
  bool loss_acknowledged = false;  // "a lost passphrase means lost data"
  std::string owner_name;          // create: the actor named in the audit trail
  KdfStrength kdf = KdfStrength::moderate;
  std::string backup_file;         // restore: the backup file, UTF-8

  // Recomputes the strength meter; call when `passphrase` changed.
  void passphrase_edited();
  [[nodiscard]] const PassphraseStrength& strength() const { return strength_; }

  // i18n key of the reason the primary button is disabled, or nullptr when it
  // may be pressed.
  [[nodiscard]] const char* blocked_reason() const;
  // Starts create/unlock in the background. Returns false (and does nothing)
  // when blocked or already busy.
  bool submit();
  [[nodiscard]] bool busy() const { return pending_.valid() || restoring_.valid() || wiping_.valid(); }
  // Collects a finished result: returns the unlocked vault on success.
  std::optional<storage::Vault> poll();

  // Last error as an i18n key (nullptr if none) plus a non-sensitive detail.
  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }
  [[nodiscard]] bool vault_exists() const;

  // The user picked `folder` in the file browser. Unlock: use it as is.
  // Create, restore: use it if empty, else a new "safehold-vault" folder
  // inside it.
  void folder_chosen(const std::filesystem::path& chosen);
  // Restore: the backup file picked in the file browser.
  void backup_file_chosen(const std::filesystem::path& chosen);

  // Wipes both passphrases and errors; keeps the folder and the mode.
  void clear_secrets();

  // Restore running: fraction of the backup file read (0..1), -1 while
  // unknown (Argon2id first); Cancel stops it with nothing restored.
  [[nodiscard]] bool restoring() const { return restoring_.valid(); }
  [[nodiscard]] float restore_progress() const;
  void cancel_restore() { cancel_restore_ = true; }

  // The emergency wipe of `vault_folder`, on a worker: AppModel::wipe_vault()
  // has checked its guard and locked. The start screen shows it running
  // (busy(): nothing can be unlocked or created meanwhile) and
  // poll_wipe() hands over storage::wipe_vault's answer once. Not
  // cancellable: closing the window waits for it (the key file goes first).
  using WipeResult = expected<storage::WipeReport, storage::BackupFailure>;
  void start_wipe(const std::filesystem::path& vault_folder);
  [[nodiscard]] bool wiping() const { return wiping_.valid(); }
  std::optional<WipeResult> poll_wipe();

  // True after a restore put a vault in `folder` but it could not be
  // unlocked (the screen says the vault is there and shows the Unlock tab).
  [[nodiscard]] bool restored_not_opened() const { return restored_not_opened_; }

 private:
  using Result = expected<storage::Vault, OpenError>;
  // A restore refused before it began (the folder: as create says it) or by
  // the library; else the restored vault's unlock.
  using RestoreResult = expected<Result, std::variant<OpenError, storage::BackupFailure>>;
  std::optional<storage::Vault> take(Result r);
  const VaultOpener* opener_;
  PassphraseStrength strength_;
  std::future<Result> pending_;
  std::future<RestoreResult> restoring_;
  std::future<WipeResult> wiping_;
  std::atomic<std::uint64_t> restore_done_{0}, restore_total_{0};
  std::atomic<bool> cancel_restore_{false};
  bool restored_not_opened_ = false;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

// The i18n key for a refused restore: the backup's keys, except where
// those speak of writing a backup file ("restore.error.not_empty"...).
[[nodiscard]] const char* restore_error_key(storage::BackupError e) noexcept;

}  // namespace safehold::appmodel
