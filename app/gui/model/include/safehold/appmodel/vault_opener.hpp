#pragma once
// Creating and unlocking a vault for the start screen (StartModel), which
// calls these on a worker thread: both run Argon2id. Storage's errors are
// mapped here, once, to what the start screen tells the user.
//
// Tests construct a VaultOpener with low Argon2id parameters (the library's
// test preset); the app always uses KdfParams::interactive() or strong().
#include <filesystem>
#include <optional>
#include <string>

#include "safehold/core/policy/passphrase.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

// folder: the vault folder or a parent could not be made or used (detail:
// the path and the kind: permission, not a folder, disk full...).
enum class OpenErrorKind {
  wrong_passphrase, not_found, already_exists, in_use, corrupt, too_new, out_of_memory, io, folder
};

// detail is storage's describe() or the folder error: codes, paths and names
// of things, never content.
struct OpenError {
  OpenErrorKind kind;
  std::string detail;
};

// Argon2id cost for new passphrases (settings, stored as "moderate" /
// "sensitive"): the shared presets of core/policy/passphrase.hpp.
enum class KdfStrength { moderate, sensitive };
[[nodiscard]] inline storage::KdfParams kdf_params(KdfStrength s) noexcept {
  return core::kdf_params(s == KdfStrength::sensitive ? core::KdfPreset::strong : core::KdfPreset::interactive);
}

class VaultOpener {
 public:
  VaultOpener() = default;
  // Tests only: every create uses these parameters instead of the strength
  // chosen on screen.
  explicit VaultOpener(storage::KdfParams test_params) : test_params_(test_params) {}

  [[nodiscard]] bool exists(const std::filesystem::path& folder) const;
  // Slow (Argon2id): called from a worker thread. The returned vault is
  // unlocked; destroying it locks it (closes the database, wipes its keys).
  [[nodiscard]] expected<storage::Vault, OpenError> create(const std::filesystem::path& folder,
                                                           crypto::SecretBuffer passphrase, KdfStrength kdf,
                                                           const std::string& owner_name) const;
  [[nodiscard]] expected<storage::Vault, OpenError> unlock(const std::filesystem::path& folder,
                                                           crypto::SecretBuffer passphrase) const;
  // Before a new vault is made in `folder` (create, restore): its missing
  // parents, made private by the shared vault-folder policy. A folder that
  // cannot be made is OpenErrorKind::folder, as in create.
  [[nodiscard]] expected<void, OpenError> prepare_parents(const std::filesystem::path& folder) const;

 private:
  std::optional<storage::KdfParams> test_params_;
};

}  // namespace safehold::appmodel
