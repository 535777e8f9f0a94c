#pragma once
// vault.key: the small file that holds the vault master key wrapped under a
// key derived from the passphrase (format spec: docs/storage.md, "Key file").
//
//   offset size  field
//        0    8  magic "SHVAULT\x1a"
//        8    2  format version, big-endian, = 1
//       10    1  KDF algorithm, = 1 (Argon2id v1.3)
//       11    1  reserved, = 0
//       12   16  vault id (random)
//       28   16  Argon2id salt
//       44    8  Argon2id opslimit, big-endian
//       52    8  Argon2id memlimit in bytes, big-endian
//       60   24  XChaCha20-Poly1305 nonce
//       84   48  wrapped master key (32 bytes ciphertext + 16 bytes tag)
//  total 132 bytes; bytes 0..83 are the AEAD's associated data.
//
// The parser is strict: exactly 132 bytes, every fixed field at its only
// accepted value, KDF parameters within KdfParams::acceptable().
#include <array>
#include <cstdint>
#include <span>

#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/kdf_params.hpp"

namespace safehold::storage {

inline constexpr std::size_t kKeyFileSize = 132;
inline constexpr std::size_t kKeyFileHeaderSize = 84;  // authenticated, not encrypted
inline constexpr std::size_t kVaultIdSize = 16;
inline constexpr std::size_t kMasterKeySize = 32;

struct KeyFile {
  std::array<std::uint8_t, kVaultIdSize> vault_id{};
  std::array<std::uint8_t, 16> salt{};
  KdfParams kdf;
  std::array<std::uint8_t, 24> nonce{};
  std::array<std::uint8_t, kMasterKeySize + 16> wrapped_master_key{};
};

enum class KeyFileError {
  wrong_size,
  bad_magic,
  unsupported_version,
  unsupported_algorithm,
  nonzero_reserved,
  kdf_params_out_of_range,
};
const char* describe(KeyFileError e) noexcept;

[[nodiscard]] expected<KeyFile, KeyFileError> parse_key_file(std::span<const std::uint8_t> bytes);
std::array<std::uint8_t, kKeyFileSize> serialize_key_file(const KeyFile& key_file);

// Derives the key-encryption key with Argon2id and seals `master_key` under
// it, with a fresh salt and nonce. Errors: kdf_params_invalid, out_of_memory.
[[nodiscard]] expected<KeyFile, StorageError> wrap_master_key(
    const crypto::SecretBuffer& master_key, const crypto::SecretBuffer& passphrase,
    const KdfParams& kdf, const std::array<std::uint8_t, kVaultIdSize>& vault_id);

// Re-derives the key-encryption key and opens the master key. Errors:
// wrong_passphrase (the AEAD does not open), kdf_params_invalid, out_of_memory.
[[nodiscard]] expected<crypto::SecretBuffer, StorageError> unwrap_master_key(
    const KeyFile& key_file, const crypto::SecretBuffer& passphrase);

}  // namespace safehold::storage
