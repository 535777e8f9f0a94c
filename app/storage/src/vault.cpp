// Vault create / unlock / lock.
#include "safehold/storage/vault.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "audit_log.hpp"
#include "identity_rows.hpp"
#include "migrations.hpp"
#include "safehold/base/file_io.hpp"
#include "util.hpp"
#include "vault_folder.hpp"
#include "vault_keys.hpp"
#include "vault_state.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::VaultState;

namespace {

constexpr std::size_t kMaxKeyFileRead = 4096;

void derive_keys(VaultState& s) { s.audit_key = detail::audit_head_key(s.master_key, s.vault_id); }

crypto::SecretBuffer database_key(const VaultState& s) { return detail::database_key(s.master_key, s.vault_id); }

// Removes SQLite side files that a refused open created (they hold nothing
// committed), so that a failed unlock leaves the folder as it found it.
struct SideFiles {
  fs::path db;
  bool wal_existed = false;
  bool shm_existed = false;
  explicit SideFiles(fs::path file) : db(std::move(file)) {
    std::error_code ec;
    wal_existed = fs::exists(db.string() + "-wal", ec);
    shm_existed = fs::exists(db.string() + "-shm", ec);
  }
  void restore() const {
    if (!wal_existed) ::unlink((db.string() + "-wal").c_str());
    if (!shm_existed) ::unlink((db.string() + "-shm").c_str());
  }
};

expected<void, StorageError> read_vault_info(VaultState& s) {
  auto st = s.db.prepare("SELECT vault_id, owner_name FROM vault_info WHERE id = 1");
  if (!st) return unexpected(st.error());
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row || st->text(0) != detail::to_hex(s.vault_id)) {
    return unexpected(make_error(VaultError::database_corrupt, "vault id does not match the key file"));
  }
  s.owner_name = st->text(1);
  return {};
}

expected<void, StorageError> initialise_database(VaultState& s, const std::string& owner) {
  if (auto m = detail::migrate(s.db, detail::embedded_migrations()); !m) return m;
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto st = s.db.prepare("INSERT INTO vault_info (id, vault_id, created_at, owner_name) VALUES (1, ?1, ?2, ?3)");
  if (!st) return unexpected(st.error());
  st->bind(1, detail::to_hex(s.vault_id)).bind(2, detail::utc_now()).bind(3, owner);
  if (auto r = st->run(); !r) return r;
  if (auto r = detail::init_audit_head(s); !r) return r;
  s.owner_name = owner;
  detail::AuditEvent ev{AuditAction::vault_created, "vault", detail::to_hex(s.vault_id), "", "", "", {}};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  return tx->commit();
}

}  // namespace

void detail::VaultState::close() noexcept {
  db.close();
  master_key = crypto::SecretBuffer();
  audit_key = crypto::SecretBuffer();
  if (folder_fd >= 0) ::close(folder_fd);
  folder_fd = -1;
  unlocked = false;
  tx_depth = 0;
  remove_on_rollback.clear();
  remove_on_commit.clear();
}

Vault::Vault(std::unique_ptr<VaultState> state) noexcept : state_(std::move(state)) {}
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&& other) noexcept {
  if (this != &other) {
    lock();
    state_ = std::move(other.state_);
    timings_ = other.timings_;
  }
  return *this;
}
Vault::~Vault() { lock(); }

bool Vault::exists_at(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / detail::kKeyFileName, ec);
}

expected<Vault, StorageError> Vault::create(const fs::path& folder, const crypto::SecretBuffer& passphrase,
                                            const CreateOptions& options) {
  if (!options.kdf.acceptable()) return unexpected(make_error(VaultError::kdf_params_invalid));
  auto made = detail::prepare_new_folder(folder);
  if (!made) return unexpected(made.error());
  auto state = std::make_unique<VaultState>();
  VaultState& s = *state;
  s.folder = folder;
  const fs::path db_file = folder / detail::kDatabaseName;
  // Until vault.key is written the folder is not a vault: undo everything on failure.
  auto undo = [&](StorageError e) {
    s.close();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db_file.string() + suffix, ec);
    fs::remove(folder / detail::kAttachmentsDir, ec);
    if (*made) fs::remove(folder, ec);
    return unexpected(std::move(e));
  };
  auto fd = detail::lock_folder(folder);
  if (!fd) return undo(fd.error());
  s.folder_fd = *fd;
  if (::mkdir((folder / detail::kAttachmentsDir).c_str(), 0700) != 0) return undo(detail::from_file_error(errno));

  s.master_key = crypto::SecretBuffer::random(kMasterKeySize);
  crypto::fill_random(s.vault_id);
  derive_keys(s);
  if (auto f = detail::create_private_file(db_file); !f) return undo(f.error());
  auto db = detail::Database::open(db_file, database_key(s), true);
  if (!db) return undo(db.error());
  s.db = std::move(*db);
  s.unlocked = true;
  if (auto r = initialise_database(s, options.owner_name); !r) return undo(r.error());
  if (auto r = detail::ensure_identity(s); !r) return undo(r.error());

  auto key_file = wrap_master_key(s.master_key, passphrase, options.kdf, s.vault_id);
  if (!key_file) return undo(key_file.error());
  const auto bytes = serialize_key_file(*key_file);
  if (auto w = base::write_file_atomically(folder / detail::kKeyFileName, bytes, 0600); !w) {
    return undo(make_error(w.error() == base::FileError::disk_full ? VaultError::disk_full : VaultError::io_failed));
  }
  s.db.allow_checkpoint_on_close();
  return Vault(std::move(state));
}

expected<Vault, StorageError> Vault::unlock(const fs::path& folder, const crypto::SecretBuffer& passphrase) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  if (!exists_at(folder)) return unexpected(make_error(VaultError::not_a_vault));
  auto state = std::make_unique<VaultState>();
  VaultState& s = *state;
  s.folder = folder;
  auto fd = detail::lock_folder(folder);
  if (!fd) return unexpected(fd.error());
  s.folder_fd = *fd;

  auto raw = base::read_small_file(folder / detail::kKeyFileName, kMaxKeyFileRead);
  if (!raw) {
    if (raw.error() == base::FileError::io_failed) {
      return unexpected(make_error(VaultError::key_file_malformed, "key file has the wrong size"));
    }
    return unexpected(raw.error() == base::FileError::permission_denied ? make_error(VaultError::permission_denied)
                                                                      : make_error(VaultError::io_failed));
  }
  auto key_file = parse_key_file(*raw);
  if (!key_file) return unexpected(make_error(VaultError::key_file_malformed, describe(key_file.error())));
  const auto t_kdf = Clock::now();
  auto master = unwrap_master_key(*key_file, passphrase);
  const auto t_kdf_end = Clock::now();
  if (!master) return unexpected(master.error());
  s.master_key = std::move(*master);
  s.vault_id = key_file->vault_id;
  derive_keys(s);

  const fs::path db_file = folder / detail::kDatabaseName;
  const SideFiles side(db_file);
  bool wrote = false;
  auto refuse = [&](StorageError e) {
    s.close();
    // Side files that only a read created go; once a migration may have
    // committed, the WAL holds it and stays (the vault is then consistent at
    // the last version that succeeded).
    if (!wrote) side.restore();
    return unexpected(std::move(e));
  };
  auto db = detail::Database::open(db_file, database_key(s), false);
  if (!db) return refuse(db.error());
  s.db = std::move(*db);
  if (auto v = detail::check_schema_version(s.db, detail::embedded_migrations()); !v) return refuse(v.error());
  if (auto i = read_vault_info(s); !i) return refuse(i.error());
  wrote = true;
  if (auto m = detail::migrate(s.db, detail::embedded_migrations()); !m) return refuse(m.error());
  s.db.allow_checkpoint_on_close();
  s.unlocked = true;
  std::error_code ec;
  if (!fs::is_directory(s.attachments_dir(), ec)) {
    if (::mkdir(s.attachments_dir().c_str(), 0700) != 0) return refuse(detail::from_file_error(errno));
  }
  if (auto c = detail::remove_stale_files(folder, s.db); !c) return refuse(c.error());
  if (auto i = detail::ensure_identity(s); !i) return refuse(i.error());

  Vault v(std::move(state));
  v.timings_.kdf = std::chrono::duration_cast<std::chrono::microseconds>(t_kdf_end - t_kdf);
  v.timings_.open = std::chrono::duration_cast<std::chrono::microseconds>((t_kdf - t0) + (Clock::now() - t_kdf_end));
  return v;
}

void Vault::lock() noexcept {
  if (!state_) return;
  std::lock_guard<std::recursive_mutex> g(state_->mutex);
  state_->close();
}

bool Vault::is_unlocked() const noexcept { return state_ && state_->unlocked; }

const fs::path& Vault::folder() const noexcept {
  static const fs::path empty;
  return state_ ? state_->folder : empty;
}

std::string Vault::vault_id() const { return state_ ? detail::to_hex(state_->vault_id) : std::string(); }

int Vault::supported_schema_version() { return detail::embedded_migrations().back().version; }

RecordStore Vault::records() noexcept { return RecordStore(state_.get()); }
CaseList Vault::cases() noexcept { return CaseList(state_.get()); }
ConsentService Vault::consent() noexcept { return ConsentService(state_.get()); }
SearchIndex Vault::search() noexcept { return SearchIndex(state_.get()); }
AttachmentStore Vault::attachments() noexcept { return AttachmentStore(state_.get()); }
AuditTrail Vault::audit() noexcept { return AuditTrail(state_.get()); }
KeyValueStore Vault::drafts() noexcept { return KeyValueStore(state_.get(), KeyValueStore::Table::drafts); }
KeyValueStore Vault::settings() noexcept { return KeyValueStore(state_.get(), KeyValueStore::Table::settings); }
IdentityStore Vault::identity() noexcept { return IdentityStore(state_.get()); }
BundleLedger Vault::bundles() noexcept { return BundleLedger(state_.get()); }
NoticeStore Vault::notices() noexcept { return NoticeStore(state_.get()); }

}  // namespace safehold::storage
