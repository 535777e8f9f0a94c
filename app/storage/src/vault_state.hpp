#pragma once
// Internal: everything an unlocked vault holds, shared by the service views
// (records, attachments, audit, search...). Guarded by `mutex`: every public
// entry point takes it through VaultAccess, so a Vault may be used from
// several threads, one operation at a time.
#include <array>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "safehold/crypto/secret.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/key_file.hpp"
#include "sqlite_db.hpp"

namespace safehold::storage::detail {

inline constexpr const char* kKeyFileName = "vault.key";
inline constexpr const char* kDatabaseName = "vault.db";
inline constexpr const char* kAttachmentsDir = "attachments";

struct VaultState {
  std::recursive_mutex mutex;
  bool unlocked = false;
  std::filesystem::path folder;
  int folder_fd = -1;  // holds the flock that keeps other processes out
  Database db;
  crypto::SecretBuffer master_key;
  crypto::SecretBuffer audit_key;  // MACs the audit chain's head
  std::array<std::uint8_t, kVaultIdSize> vault_id{};
  std::string owner_name;

  // Transactions (see WriteTransaction).
  int tx_depth = 0;
  // A nested operation failed after it had written: the outermost
  // transaction can only roll back.
  bool tx_broken = false;
  // Records of a bundle stored in this transaction whose references the
  // ledger has not checked yet (BundleLedger::store_planned, before
  // settle_planned): the outermost transaction cannot commit them.
  std::size_t tx_unsettled = 0;
  std::vector<std::filesystem::path> remove_on_rollback;
  std::vector<std::filesystem::path> remove_on_commit;

  VaultState() = default;
  VaultState(const VaultState&) = delete;
  VaultState& operator=(const VaultState&) = delete;
  ~VaultState() { close(); }

  std::filesystem::path attachments_dir() const { return folder / kAttachmentsDir; }
  // Closes the database, wipes the keys, releases the folder lock.
  void close() noexcept;
};

// Locks the state's mutex and checks that the vault is unlocked (a view of a
// moved-from Vault has no state and is always locked).
class VaultAccess {
 public:
  explicit VaultAccess(VaultState* s) : state_(s) {
    if (s != nullptr) lock_ = std::unique_lock<std::recursive_mutex>(s->mutex);
  }
  [[nodiscard]] bool ok() const noexcept { return state_ != nullptr && state_->unlocked; }
  StorageError error() const { return make_error(VaultError::locked); }
  VaultState& state() noexcept { return *state_; }

 private:
  VaultState* state_;
  std::unique_lock<std::recursive_mutex> lock_;
};

// A write transaction. Nested ones (every operation inside a Batch) issue no
// SAVEPOINT: a savepoint makes FTS5 flush its pending terms into a new
// segment and journals every page the operation touches, which tripled the
// cost of a batched write. A nested operation that fails before writing
// anything (validation, consent, references: the usual failures) leaves the
// batch as it was; one that fails after writing marks the batch broken, and
// its commit() then rolls everything back and fails. Files registered with
// on_rollback_remove() are unlinked if the outermost transaction rolls back
// (imported attachment files), files registered with on_commit_remove() after
// it commits (deleted attachments: the key row goes first).
class WriteTransaction {
 public:
  [[nodiscard]] static expected<WriteTransaction, StorageError> begin(VaultState& s);
  WriteTransaction(WriteTransaction&& other) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  WriteTransaction(const WriteTransaction&) = delete;
  ~WriteTransaction();

  [[nodiscard]] expected<void, StorageError> commit();
  void rollback() noexcept;
  void on_rollback_remove(std::filesystem::path p) { state_->remove_on_rollback.push_back(std::move(p)); }
  void on_commit_remove(std::filesystem::path p) { state_->remove_on_commit.push_back(std::move(p)); }

 private:
  WriteTransaction(VaultState* s, int depth, std::size_t rb, std::size_t cm, std::int64_t changes) noexcept
      : state_(s), depth_(depth), rollback_mark_(rb), commit_mark_(cm), changes_mark_(changes) {}
  VaultState* state_;
  int depth_;
  std::size_t rollback_mark_;
  std::size_t commit_mark_;
  std::int64_t changes_mark_;  // sqlite3_total_changes64 when a nested transaction began
  bool done_ = false;
};

// Removes files and fsyncs their folder; best effort (leftovers are orphans
// that the next unlock removes).
void remove_files(const std::vector<std::filesystem::path>& files) noexcept;

}  // namespace safehold::storage::detail
