#pragma once
// The app model's view of the vault (app/storage). Screens never see it:
// they emit commands to the model, which calls the gateway, on a worker
// thread for anything slow (Argon2id, search, attachments).
//
// One adapter implements it over safehold_storage (storage_gateway.cpp);
// until that module's API exists, UnavailableGateway reports every operation
// as "not available yet" and the start screen shows that plainly.
#include <filesystem>
#include <memory>
#include <string>

#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"

namespace safehold::appmodel {

enum class OpenErrorKind { wrong_passphrase, not_found, already_exists, corrupt, io, unavailable };

// detail holds at most a code or an error description from storage, never
// record content (storage's describe() guarantees that).
struct OpenError {
  OpenErrorKind kind;
  std::string detail;
};

// Argon2id cost for new passphrases (settings): moderate ≈ 1 s, 256 MiB;
// sensitive ≈ 4 s, 1 GiB on a 2-core laptop.
enum class KdfStrength { moderate, sensitive };

// An unlocked vault. Destroying it closes the database and wipes the keys.
class VaultSession {
 public:
  virtual ~VaultSession() = default;
};

class VaultGateway {
 public:
  virtual ~VaultGateway() = default;
  // False while storage's API is missing: the UI shows a disabled state.
  [[nodiscard]] virtual bool available() const = 0;
  [[nodiscard]] virtual bool exists(const std::filesystem::path& folder) const = 0;
  // Slow (Argon2id): called from a worker thread.
  [[nodiscard]] virtual expected<std::unique_ptr<VaultSession>, OpenError> create(
      const std::filesystem::path& folder, crypto::SecretBuffer passphrase, KdfStrength kdf) = 0;
  [[nodiscard]] virtual expected<std::unique_ptr<VaultSession>, OpenError> unlock(
      const std::filesystem::path& folder, crypto::SecretBuffer passphrase) = 0;
};

class UnavailableGateway final : public VaultGateway {
 public:
  bool available() const override { return false; }
  bool exists(const std::filesystem::path&) const override { return false; }
  expected<std::unique_ptr<VaultSession>, OpenError> create(const std::filesystem::path&,
                                                            crypto::SecretBuffer,
                                                            KdfStrength) override {
    return unexpected(OpenError{OpenErrorKind::unavailable, "vault module not built yet"});
  }
  expected<std::unique_ptr<VaultSession>, OpenError> unlock(const std::filesystem::path&,
                                                            crypto::SecretBuffer) override {
    return unexpected(OpenError{OpenErrorKind::unavailable, "vault module not built yet"});
  }
};

}  // namespace safehold::appmodel
