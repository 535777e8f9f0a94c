#pragma once
// Internal: opening a backup file and reading its archive into a staging
// folder (verify keeps only the database there, restore everything).
#include <filesystem>
#include <memory>

#include "backup_internal.hpp"
#include "safehold/storage/backup_format.hpp"

namespace safehold::storage::detail {

struct OpenedBackup {
  backup_format::Header header;
  crypto::SecretBuffer master;
  base::FileSource file;  // positioned after the header
};

// Header checks, Argon2id, the header MAC. Errors name the first that failed.
[[nodiscard]] expected<OpenedBackup, BackupFailure> open_backup(const std::filesystem::path& file,
                                                                const crypto::SecretBuffer& passphrase);

struct StagedBackup {
  std::unique_ptr<VaultState> state;  // the staged database, open and unlocked
  BackupSummary summary;
};

// Reads the whole archive: the database into `staging`/vault.db, each
// attachment checked against its row (and, with keep_attachments, written to
// `staging`/attachments/), the manifest compared with what was read.
// Progress and cancel through `meter` (bytes of the whole file).
[[nodiscard]] expected<StagedBackup, BackupFailure> read_backup_into(OpenedBackup& backup,
                                                                     const std::filesystem::path& staging,
                                                                     bool keep_attachments, BackupMeter& meter);

}  // namespace safehold::storage::detail
