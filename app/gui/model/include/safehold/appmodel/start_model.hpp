#pragma once
// State and commands of the start screen: create a vault or unlock one.
//
// Contract: submit() validates and starts the slow Argon2id work on a worker
// thread; poll() (called once per frame) collects the result. A wrong
// passphrase sets an error and keeps every other field as typed. On success
// the unlocked vault is handed to the caller and both passphrase fields are
// wiped.
#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "safehold/appmodel/passphrase_field.hpp"
#include "safehold/appmodel/passphrase_strength.hpp"
#include "safehold/appmodel/vault_opener.hpp"

namespace safehold::appmodel {

class StartModel {
 public:
  enum class Mode { unlock, create };

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

  // Recomputes the strength meter; call when `passphrase` changed.
  void passphrase_edited();
  [[nodiscard]] const PassphraseStrength& strength() const { return strength_; }

  // i18n key of the reason the primary button is disabled, or nullptr when it
  // may be pressed.
  [[nodiscard]] const char* blocked_reason() const;
  // Starts create/unlock in the background. Returns false (and does nothing)
  // when blocked or already busy.
  bool submit();
  [[nodiscard]] bool busy() const { return pending_.valid(); }
  // Collects a finished result: returns the unlocked vault on success.
  std::optional<storage::Vault> poll();

  // Last error as an i18n key (nullptr if none) plus a non-sensitive detail.
  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }
  [[nodiscard]] bool vault_exists() const;

  // The user picked `folder` in the file browser. Unlock: use it as is.
  // Create: use it if empty, else a new "safehold-vault" folder inside it.
  void folder_chosen(const std::filesystem::path& chosen);

  // Wipes both passphrases and errors; keeps the folder and the mode.
  void clear_secrets();

 private:
  using Result = expected<storage::Vault, OpenError>;
  const VaultOpener* opener_;
  PassphraseStrength strength_;
  std::future<Result> pending_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

}  // namespace safehold::appmodel
