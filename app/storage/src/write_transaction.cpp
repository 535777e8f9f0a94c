#include <unistd.h>

#include <string>

#include "safehold/base/file_io.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {
namespace fs = std::filesystem;

void remove_files(const std::vector<fs::path>& files) noexcept {
  for (const auto& f : files) ::unlink(f.c_str());
  if (!files.empty()) (void)base::sync_directory(files.front().parent_path());
}

namespace {

StorageError batch_broken() {
  return make_error(VaultError::not_allowed, "an operation in this batch failed after writing; roll the batch back");
}

}  // namespace

expected<WriteTransaction, StorageError> WriteTransaction::begin(VaultState& s) {
  const int depth = s.tx_depth;
  if (depth == 0) {
    if (auto r = s.db.run_cached("BEGIN IMMEDIATE"); !r) return unexpected(r.error());
    s.tx_broken = false;
    s.tx_unsettled = 0;
  } else if (s.tx_broken) {
    return unexpected(batch_broken());
  }
  ++s.tx_depth;
  return WriteTransaction(&s, depth, s.remove_on_rollback.size(), s.remove_on_commit.size(),
                          sqlite3_total_changes64(s.db.handle()));
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : state_(other.state_),
      depth_(other.depth_),
      rollback_mark_(other.rollback_mark_),
      commit_mark_(other.commit_mark_),
      changes_mark_(other.changes_mark_),
      done_(other.done_) {
  other.done_ = true;
}

WriteTransaction::~WriteTransaction() { rollback(); }

expected<void, StorageError> WriteTransaction::commit() {
  if (done_) return unexpected(make_error(VaultError::internal, "transaction finished"));
  if (depth_ > 0) {
    done_ = true;
    --state_->tx_depth;
    return {};
  }
  if (state_->tx_broken || state_->tx_unsettled != 0) {
    rollback();
    return unexpected(batch_broken());
  }
  if (auto r = state_->db.run_cached("COMMIT"); !r) {
    rollback();
    return r;
  }
  done_ = true;
  --state_->tx_depth;
  {
    std::vector<fs::path> doomed;
    doomed.swap(state_->remove_on_commit);
    state_->remove_on_rollback.clear();
    remove_files(doomed);
  }
  return {};
}

void WriteTransaction::rollback() noexcept {
  if (done_) return;
  done_ = true;
  if (!state_->db.is_open()) return;  // the vault was locked meanwhile: nothing left to undo
  --state_->tx_depth;
  sqlite3* db = state_->db.handle();
  if (depth_ == 0) {
    if (sqlite3_get_autocommit(db) == 0) (void)state_->db.run_cached("ROLLBACK");
    state_->tx_broken = false;
    state_->tx_unsettled = 0;
  } else if (sqlite3_total_changes64(db) != changes_mark_ || sqlite3_get_autocommit(db) != 0) {
    // It wrote before failing (or SQLite itself rolled the transaction back
    // after an I/O error): what it wrote cannot be undone alone.
    state_->tx_broken = true;
  }
  auto& rb = state_->remove_on_rollback;
  std::vector<fs::path> created(rb.begin() + static_cast<std::ptrdiff_t>(rollback_mark_), rb.end());
  rb.resize(rollback_mark_);
  state_->remove_on_commit.resize(commit_mark_);
  remove_files(created);
}

}  // namespace safehold::storage::detail
