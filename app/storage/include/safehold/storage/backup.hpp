#pragma once
// Whole-vault backup, verify, restore (format: schema/backup-v1.md) and the
// emergency wipe. A backup opens only with the passphrase the vault had when
// the backup was made; every step streams in constant memory and writes
// nothing in plaintext.
//
//   write_backup(vault_dir, pass, "case.shbackup", base::Publish::no_replace);
//   verify_backup("case.shbackup", pass);          // touches no vault
//   restore_backup("case.shbackup", pass, new_dir);  // new_dir absent or empty
//   wipe_vault(vault_dir);                           // key file first
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "safehold/base/file_io.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
class Vault;

enum class BackupError {
  not_found,            // the backup file (or the vault) does not exist
  not_a_backup,         // the file does not start like a Safehold backup
  unsupported_version,  // written by a newer Safehold
  truncated,            // the file ends early
  damaged,              // a byte was changed: header, chunk, entry, manifest or content check
  wrong_passphrase,     // the file is intact but the passphrase does not open it
  schema_too_new,       // the vault inside was written by a newer Safehold
  vault_damaged,        // backup source: the vault's key file or database is damaged
  vault_changed,        // backup source: an attachment vanished while copying; run it again
  destination_exists,   // the output file exists (backup) or the target folder is not empty (restore)
  disk_full,
  permission_denied,
  io_failed,
  out_of_memory,        // Argon2id could not get the memory the key file asks for
  cancelled,            // the caller's hooks asked to stop; nothing was written under the final name
};
const char* describe(BackupError e) noexcept;

struct BackupFailure {
  BackupError code = BackupError::io_failed;
  std::string detail;  // ids, counts, SQLite code names; never content or key material
  std::string describe() const;
};

// What a backup holds (from its manifest).
struct BackupSummary {
  std::string created_at;  // UTC, RFC 3339
  std::string vault_id;    // 32 hex digits
  std::int64_t audit_seq = 0;
  std::uint64_t attachments = 0;
  std::uint64_t attachment_bytes = 0;
  std::uint64_t database_bytes = 0;
};

// Progress of write_backup / verify_backup / restore_backup, reported from
// the thread doing the work (the desktop app's Backup screen and Restore tab). Bytes are those of the backup
// file written or read; entries are the database and each attachment.
struct BackupProgress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;  // 0 until known (after Argon2id)
  std::uint64_t entries_done = 0;
  std::uint64_t entries_total = 0;  // 0 until known
};
struct BackupHooks {
  std::function<void(const BackupProgress&)> progress;
  // Polled before every 64 KiB chunk; true stops the work with
  // BackupError::cancelled (a backup leaves no file under the final name,
  // a verify removes its scratch folder).
  std::function<bool()> cancel_requested;
};

// Writes a backup of the vault in `vault_folder` to `output`. Works while
// another process has the vault open (a read snapshot; no folder lock).
// Errors: not_found (no vault), wrong_passphrase, vault_damaged,
// vault_changed, destination_exists, disk_full, io_failed...
[[nodiscard]] expected<BackupSummary, BackupFailure> write_backup(const std::filesystem::path& vault_folder,
                                                                  const crypto::SecretBuffer& passphrase,
                                                                  const std::filesystem::path& output,
                                                                  base::Publish publish = base::Publish::no_replace,
                                                                  const BackupHooks& hooks = {});

// Checks every byte of a backup (every chunk, every attachment against its
// database row, the database's integrity and the audit chain) with an
// encrypted scratch copy of the database beside the file, removed after.
[[nodiscard]] expected<BackupSummary, BackupFailure> verify_backup(const std::filesystem::path& file,
                                                                   const crypto::SecretBuffer& passphrase,
                                                                   const BackupHooks& hooks = {});

// Recreates the vault in `target` (absent, or an empty folder). Stages in a
// hidden folder beside it and renames it into place only when everything
// checked out; appends a vault_restored audit entry. On failure (a cancel
// through `hooks` included) nothing exists under `target` that was not there
// before, and the staging folder is removed.
[[nodiscard]] expected<BackupSummary, BackupFailure> restore_backup(const std::filesystem::path& file,
                                                                    const crypto::SecretBuffer& passphrase,
                                                                    const std::filesystem::path& target,
                                                                    const BackupHooks& hooks = {});

// The last backup of this vault that verify_backup accepted, as stored in the
// vault's settings (the GUI's reminder and wipe's guard read it).
struct VerifiedBackup {
  std::string verified_at;
  std::string created_at;
  std::int64_t audit_seq = 0;
};
[[nodiscard]] expected<void, StorageError> record_verified_backup(Vault& vault, const BackupSummary& backup);
[[nodiscard]] expected<std::optional<VerifiedBackup>, StorageError> last_verified_backup(Vault& vault);
// True if a verified backup exists and nothing was appended to the audit
// trail (no change, no read) since its snapshot.
[[nodiscard]] expected<bool, StorageError> verified_backup_is_current(Vault& vault);

struct WipeReport {
  std::chrono::microseconds key_destroyed_after{0};  // key file overwritten, fsynced, unlinked
  std::chrono::microseconds total{0};
  std::size_t files_removed = 0;
  std::vector<std::string> left_behind;  // names (not Safehold's) left in the folder
};
// Makes the vault unreadable at once: overwrites vault.key (and any key file
// temporary) with random bytes, fsyncs, unlinks, fsyncs the folder; then
// removes the database, its side files and the attachment files, and the
// folders if empty. Files Safehold never writes are left and listed.
// Errors: not_found (no vault.key), permission_denied, io_failed.
[[nodiscard]] expected<WipeReport, BackupFailure> wipe_vault(const std::filesystem::path& folder);

}  // namespace safehold::storage
