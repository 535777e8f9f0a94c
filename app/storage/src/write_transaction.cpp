#include <unistd.h>

#include <string>

#include "safehold/crypto/file_io.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {
namespace fs = std::filesystem;

void remove_files(const std::vector<fs::path>& files) noexcept {
  for (const auto& f : files) ::unlink(f.c_str());
  if (!files.empty()) (void)io::sync_directory(files.front().parent_path());
}

expected<WriteTransaction, StorageError> WriteTransaction::begin(VaultState& s) {
  const int depth = s.tx_depth;
  const std::string sql = depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT sh" + std::to_string(depth);
  if (auto r = s.db.exec(sql.c_str()); !r) return unexpected(r.error());
  ++s.tx_depth;
  return WriteTransaction(&s, depth, s.remove_on_rollback.size(), s.remove_on_commit.size());
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : state_(other.state_),
      depth_(other.depth_),
      rollback_mark_(other.rollback_mark_),
      commit_mark_(other.commit_mark_),
      done_(other.done_) {
  other.done_ = true;
}

WriteTransaction::~WriteTransaction() { rollback(); }

expected<void, StorageError> WriteTransaction::commit() {
  if (done_) return unexpected(make_error(VaultError::internal, "transaction finished"));
  const std::string sql = depth_ == 0 ? "COMMIT" : "RELEASE sh" + std::to_string(depth_);
  if (auto r = state_->db.exec(sql.c_str()); !r) {
    rollback();
    return r;
  }
  done_ = true;
  --state_->tx_depth;
  if (depth_ == 0) {
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
  if (depth_ == 0) {
    if (sqlite3_get_autocommit(state_->db.handle()) == 0) (void)state_->db.exec("ROLLBACK");
  } else {
    const std::string name = "sh" + std::to_string(depth_);
    (void)state_->db.exec(("ROLLBACK TO " + name + "; RELEASE " + name).c_str());
  }
  auto& rb = state_->remove_on_rollback;
  std::vector<fs::path> created(rb.begin() + static_cast<std::ptrdiff_t>(rollback_mark_), rb.end());
  rb.resize(rollback_mark_);
  state_->remove_on_commit.resize(commit_mark_);
  remove_files(created);
}

}  // namespace safehold::storage::detail
