#pragma once
// Internal: what the backup writer, reader and wipe share.
#include <filesystem>
#include <memory>

#include "safehold/base/file_io.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/vault.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

inline unexpected<BackupFailure> backup_fail(BackupError code, std::string detail = {}) {
  return unexpected<BackupFailure>(BackupFailure{code, std::move(detail)});
}
BackupFailure from_storage(const StorageError& e);
BackupFailure from_file(base::FileError e);
BackupFailure from_io(base::IoError e);

// Adds one attachment to the manifest's list digest: name, size (8 bytes
// big-endian), SHA-256 of the stored bytes.
void add_to_attachment_list(crypto::Sha256& list, std::string_view name, std::uint64_t size,
                            const crypto::Sha256Digest& stored_sha256);

// A hidden name beside `path`: ".<file name>.<tag>-<16 hex>".
std::filesystem::path sibling_temp(const std::filesystem::path& path, std::string_view tag);
// Removes a staging folder this process made (it only ever holds ciphertext).
void remove_staging(const std::filesystem::path& dir) noexcept;

// Makes a Vault of a state that the caller filled (restore and verify hold
// the master key already; a second Argon2id run would add nothing).
struct VaultAdopter {
  static Vault adopt(std::unique_ptr<VaultState> state) { return Vault(std::move(state)); }
};

}  // namespace safehold::storage::detail
