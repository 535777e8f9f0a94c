#pragma once
// The app model's door to the vault (app/storage). Screens never see it:
// they emit commands to the model, which calls the gateway, on a worker
// thread for anything slow (Argon2id).
//
// StorageGateway is the real one. Tests construct it with low Argon2id
// parameters through the library's test preset; the app always uses
// KdfParams::interactive() or strong().
#include <filesystem>
#include <memory>
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

// An unlocked vault. Destroying it locks the vault (closes the database and
// wipes its keys).
class VaultSession {
 public:
  explicit VaultSession(storage::Vault v) : vault_(std::move(v)) {}
  storage::Vault& vault() { return vault_; }

 private:
  storage::Vault vault_;
};

class VaultGateway {
 public:
  virtual ~VaultGateway() = default;
  [[nodiscard]] virtual bool exists(const std::filesystem::path& folder) const = 0;
  // Slow (Argon2id): called from a worker thread.
  [[nodiscard]] virtual expected<std::unique_ptr<VaultSession>, OpenError> create(
      const std::filesystem::path& folder, crypto::SecretBuffer passphrase, KdfStrength kdf,
      const std::string& owner_name) = 0;
  [[nodiscard]] virtual expected<std::unique_ptr<VaultSession>, OpenError> unlock(
      const std::filesystem::path& folder, crypto::SecretBuffer passphrase) = 0;
};

class StorageGateway final : public VaultGateway {
 public:
  StorageGateway() = default;
  // Tests only: every create uses these parameters instead of the strength
  // chosen on screen.
  explicit StorageGateway(storage::KdfParams test_params) : test_params_(test_params) {}

  bool exists(const std::filesystem::path& folder) const override;
  expected<std::unique_ptr<VaultSession>, OpenError> create(const std::filesystem::path& folder,
                                                            crypto::SecretBuffer passphrase,
                                                            KdfStrength kdf,
                                                            const std::string& owner_name) override;
  expected<std::unique_ptr<VaultSession>, OpenError> unlock(const std::filesystem::path& folder,
                                                            crypto::SecretBuffer passphrase) override;

 private:
  std::optional<storage::KdfParams> test_params_;
};

[[nodiscard]] OpenErrorKind open_error_kind(storage::VaultError e) noexcept;

}  // namespace safehold::appmodel
