// Backup errors, temporary names, and the "last verified backup" setting.
#include <nlohmann/json.hpp>

#include "backup_internal.hpp"
#include "util.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;

const char* describe(BackupError e) noexcept {
  switch (e) {
    case BackupError::not_found: return "file or vault not found";
    case BackupError::not_a_backup: return "not a Safehold backup file";
    case BackupError::unsupported_version: return "the backup was made by a newer Safehold";
    case BackupError::truncated: return "the backup file is truncated (cut off); nothing was restored";
    case BackupError::damaged: return "the backup file is damaged or was altered; nothing was restored";
    case BackupError::wrong_passphrase: return "wrong passphrase for this backup (it opens with the passphrase the vault had when the backup was made)";
    case BackupError::schema_too_new: return "the vault in the backup was written by a newer Safehold";
    case BackupError::vault_damaged: return "the vault's key file or database is damaged";
    case BackupError::vault_changed: return "the vault changed while the backup ran; run the backup again";
    case BackupError::destination_exists: return "the destination already exists (a backup file, or a folder that is not empty)";
    case BackupError::disk_full: return "disk full";
    case BackupError::permission_denied: return "permission denied";
    case BackupError::io_failed: return "input/output error";
    case BackupError::out_of_memory: return "not enough memory for the key derivation the backup asks for";
    case BackupError::cancelled: return "cancelled; nothing was kept";
  }
  return "unknown backup error";
}

std::string BackupFailure::describe() const {
  std::string s = storage::describe(code);
  if (!detail.empty()) s += " (" + detail + ")";
  return s;
}

namespace detail {

BackupFailure from_storage(const StorageError& e) {
  switch (e.code) {
    case VaultError::wrong_passphrase: return {BackupError::wrong_passphrase, {}};
    case VaultError::out_of_memory: return {BackupError::out_of_memory, {}};
    case VaultError::not_a_vault: return {BackupError::not_found, e.detail};
    case VaultError::key_file_malformed:
    case VaultError::database_missing:
    case VaultError::database_corrupt:
    case VaultError::kdf_params_invalid: return {BackupError::vault_damaged, e.detail};
    case VaultError::schema_too_new: return {BackupError::schema_too_new, e.detail};
    case VaultError::already_exists: return {BackupError::destination_exists, e.detail};
    case VaultError::disk_full: return {BackupError::disk_full, {}};
    case VaultError::permission_denied: return {BackupError::permission_denied, {}};
    default: return {BackupError::io_failed, e.describe()};
  }
}

BackupFailure from_file(base::FileError e) {
  switch (e) {
    case base::FileError::not_found: return {BackupError::not_found, {}};
    case base::FileError::exists: return {BackupError::destination_exists, {}};
    case base::FileError::permission_denied: return {BackupError::permission_denied, {}};
    case base::FileError::disk_full: return {BackupError::disk_full, {}};
    case base::FileError::io_failed: return {BackupError::io_failed, {}};
  }
  return {BackupError::io_failed, {}};
}

BackupFailure from_io(base::IoError e) {
  switch (e) {
    case base::IoError::disk_full: return {BackupError::disk_full, {}};
    case base::IoError::truncated: return {BackupError::truncated, {}};
    case base::IoError::corrupt: return {BackupError::damaged, {}};
    default: return {BackupError::io_failed, base::describe(e)};
  }
}

fs::path sibling_temp(const fs::path& path, std::string_view tag) {
  fs::path clean = path;
  if (!clean.has_filename()) clean = clean.parent_path();  // "dir/" names "dir"
  const fs::path parent = clean.has_parent_path() ? clean.parent_path() : fs::path(".");
  return parent / ("." + clean.filename().string() + "." + std::string(tag) + "-" + random_hex(8));
}

void add_to_attachment_list(crypto::Sha256& list, std::string_view name, std::uint64_t size,
                            const crypto::Sha256Digest& stored_sha256) {
  std::uint8_t be[8];
  for (int i = 7; i >= 0; --i) {
    be[i] = static_cast<std::uint8_t>(size & 0xff);
    size >>= 8;
  }
  list.update(name);
  list.update(be);
  list.update(stored_sha256);
}

void remove_staging(const fs::path& dir) noexcept {
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace detail

namespace {
constexpr std::string_view kVerifiedKey = "backup.last_verified";
}

expected<void, StorageError> record_verified_backup(Vault& vault, const BackupSummary& backup) {
  if (backup.vault_id != vault.vault_id()) {
    return unexpected(make_error(VaultError::invalid_argument, "the backup is of another vault"));
  }
  const nlohmann::json j{{"verified_at", detail::utc_now()},
                         {"created_at", backup.created_at},
                         {"audit_seq", backup.audit_seq}};
  // A newer verified backup is never replaced by an older one verified later.
  auto current = last_verified_backup(vault);
  if (!current) return unexpected(current.error());
  if (*current && (*current)->audit_seq > backup.audit_seq) return {};
  return vault.settings().put(kVerifiedKey, j.dump());
}

expected<std::optional<VerifiedBackup>, StorageError> last_verified_backup(Vault& vault) {
  auto raw = vault.settings().get(kVerifiedKey);
  if (!raw) return unexpected(raw.error());
  if (!*raw) return std::optional<VerifiedBackup>();
  const auto j = nlohmann::json::parse(**raw, nullptr, false);
  if (!j.is_object() || !j.contains("audit_seq") || !j["audit_seq"].is_number_integer() ||
      !j.contains("verified_at") || !j["verified_at"].is_string() || !j.contains("created_at") ||
      !j["created_at"].is_string()) {
    return unexpected(make_error(VaultError::database_corrupt, "setting backup.last_verified"));
  }
  return std::optional<VerifiedBackup>(VerifiedBackup{j["verified_at"].get<std::string>(),
                                                      j["created_at"].get<std::string>(),
                                                      j["audit_seq"].get<std::int64_t>()});
}

expected<bool, StorageError> verified_backup_is_current(Vault& vault) {
  auto last = last_verified_backup(vault);
  if (!last) return unexpected(last.error());
  if (!*last) return false;
  auto later = vault.audit().page((*last)->audit_seq, 1);
  if (!later) return unexpected(later.error());
  return later->empty();
}

}  // namespace safehold::storage
