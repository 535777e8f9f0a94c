#pragma once
// Changing the vault passphrase (settings screen): current, new, repeat,
// strength meter; the vault rewraps its master key on a worker thread with
// the Argon2id strength chosen in settings. Nothing else is re-encrypted.
#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/passphrase_field.hpp"
#include "safehold/appmodel/passphrase_strength.hpp"
#include "safehold/appmodel/vault_opener.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class PassphraseChange {
 public:
  explicit PassphraseChange(Session& session) : session_(&session) {}

  PassphraseField current;
  PassphraseField next;
  PassphraseField repeat;

  void next_edited() { strength_ = estimate_strength(next.view()); }
  [[nodiscard]] const PassphraseStrength& strength() const { return strength_; }
  // i18n key of why "Change" is disabled, or nullptr.
  [[nodiscard]] const char* blocked_reason() const;
  // Starts the change on `vault` (which must outlive the work: the model
  // waits for it before locking).
  bool submit(KdfStrength kdf);
  [[nodiscard]] bool busy() const { return work_.busy(); }
  // Once per frame. Sets done() or error_key().
  void poll();
  void wait() { work_.wait(); }
  [[nodiscard]] bool done() const { return done_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }
  void clear();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  PassphraseStrength strength_;
  Background<expected<void, storage::StorageError>> work_;
  bool done_ = false;
  const char* error_key_ = nullptr;
};

}  // namespace safehold::appmodel
