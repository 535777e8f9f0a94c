#pragma once
// The vault's own identity for sealed bundles (docs/storage.md "Identity"):
// an age X25519 identity, to which other people encrypt the bundles they send
// here, and a minisign Ed25519 key, with which this vault signs the bundles it
// sends. Both are made when the vault is created (or on the first unlock of a
// vault made before identities existed) and live only in the encrypted
// database; the secret halves leave it only in crypto::SecretBuffer-backed
// key objects, or in an age identity file the user explicitly asks for.
#include <filesystem>
#include <string>

#include "safehold/crypto/age/x25519.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

// The public half: what a contact card carries.
struct IdentityInfo {
  std::string name;                 // the vault owner's name (CreateOptions::owner_name)
  std::string age_recipient;        // "age1…"
  std::string minisign_public_key;  // the base64 key line ("RW…")
  std::string minisign_key_id;      // 16 upper-case hex digits, as minisign prints it
  std::string created_at;           // UTC, RFC 3339
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class IdentityStore {
 public:
  explicit IdentityStore(detail::VaultState* state) noexcept : s_(state) {}

  [[nodiscard]] expected<IdentityInfo, StorageError> info();
  // The secret keys, to open bundles addressed to this vault and to sign the
  // bundles it sends. Errors: database_corrupt if the stored keys do not load.
  [[nodiscard]] expected<age::X25519Identity, StorageError> age_identity();
  [[nodiscard]] expected<crypto::minisign::SecretKey, StorageError> signing_key();

  // Writes the age identity as `age-keygen` does ("# created: …",
  // "# public key: age1…", "AGE-SECRET-KEY-1…"), mode 0600, atomically, so
  // bundles can be opened with the stock `age -d -i FILE`. The file is the
  // vault's secret key outside the vault: only on the user's explicit request.
  // Audited as identity_exported. Errors: io_failed, disk_full,
  // permission_denied, already_exists (never overwrites).
  [[nodiscard]] expected<void, StorageError> export_age_identity(const std::filesystem::path& destination);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
