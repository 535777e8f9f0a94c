#pragma once
// Internal: the subkeys of the master key (docs/storage.md "Key hierarchy"),
// in one place so that unlock, backup and restore derive the same keys.
#include <span>

#include "safehold/crypto/hkdf.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::storage::detail {

inline crypto::SecretBuffer vault_subkey(const crypto::SecretBuffer& master, std::span<const std::uint8_t> vault_id,
                                         std::string_view label) {
  return crypto::hkdf_sha256(master.span(), vault_id, label, 32);
}
inline crypto::SecretBuffer database_key(const crypto::SecretBuffer& master, std::span<const std::uint8_t> vault_id) {
  return vault_subkey(master, vault_id, "safehold/vault/v1/database");
}
inline crypto::SecretBuffer audit_head_key(const crypto::SecretBuffer& master, std::span<const std::uint8_t> vault_id) {
  return vault_subkey(master, vault_id, "safehold/vault/v1/audit-head");
}

}  // namespace safehold::storage::detail
