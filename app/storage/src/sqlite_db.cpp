#include "sqlite_db.hpp"

#include <sodium.h>

#include <stdexcept>
#include <utility>

namespace safehold::storage::detail {
namespace fs = std::filesystem;

StorageError sqlite_error(int rc) {
  const char* name = sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_FULL: return make_error(VaultError::disk_full);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return make_error(VaultError::database_corrupt, name);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return make_error(VaultError::io_failed, name);
    case SQLITE_PERM:
    case SQLITE_READONLY: return make_error(VaultError::permission_denied, name);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return make_error(VaultError::in_use, name);
    case SQLITE_NOMEM: throw std::bad_alloc();
    default: return make_error(VaultError::internal, name);
  }
}

// ---- Statement ---------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      owned_(other.owned_),
      in_use_(std::exchange(other.in_use_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    stmt_ = std::exchange(other.stmt_, nullptr);
    owned_ = other.owned_;
    in_use_ = std::exchange(other.in_use_, nullptr);
  }
  return *this;
}

Statement::~Statement() { release(); }

void Statement::release() noexcept {
  if (stmt_ == nullptr) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
  } else {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (in_use_ != nullptr) *in_use_ = false;
  }
  stmt_ = nullptr;
  in_use_ = nullptr;
}

void Statement::check_bind(int rc) const {
  if (rc == SQLITE_OK) return;
  if (rc == SQLITE_NOMEM) throw std::bad_alloc();
  throw std::logic_error("sqlite bind failed");
}

Statement& Statement::bind(int index, std::string_view text) {
  // A null data pointer would bind SQL NULL; an empty string_view is "".
  check_bind(sqlite3_bind_text64(stmt_, index, text.data() != nullptr ? text.data() : "", text.size(),
                                 SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
  check_bind(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : static_cast<const void*>(bytes.data()),
                                 bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index));
  return *this;
}

expected<bool, StorageError> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  // SQLCipher reports a page that fails its HMAC as a plain SQLITE_ERROR while
  // stepping (our statements are fixed and prepared, so that is what a
  // runtime SQLITE_ERROR means here).
  if ((rc & 0xff) == SQLITE_ERROR) return unexpected(make_error(VaultError::database_corrupt, "SQLITE_ERROR"));
  return unexpected(sqlite_error(rc));
}

expected<void, StorageError> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return unexpected(r.error());
    if (!*r) break;
  }
  sqlite3_reset(stmt_);
  return {};
}

expected<std::vector<std::string>, StorageError> Statement::all_text(int col) {
  return all_rows([col](const Statement& st) { return st.text(col); });
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

std::span<const std::uint8_t> Statement::blob_view(int col) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
  const int n = sqlite3_column_bytes(stmt_, col);
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(n)};
}

std::vector<std::uint8_t> Statement::blob(int col) const {
  auto v = blob_view(col);
  return {v.begin(), v.end()};
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

// ---- Database ----------------------------------------------------------------

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
  for (auto& [sql, c] : cache_) sqlite3_finalize(c->stmt);
  cache_.clear();
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

expected<Database, StorageError> Database::open(const fs::path& file,
                                                const crypto::SecretBuffer& key, bool create) {
  if (key.size() != 32) throw std::logic_error("database key must be 32 bytes");
  std::error_code ec;
  if (!create && !fs::exists(file, ec)) return unexpected(make_error(VaultError::database_missing));
  Database d;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW |
                    (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(file.c_str(), &d.db_, flags, nullptr);
  if (rc != SQLITE_OK) return unexpected(sqlite_error(rc));
  sqlite3_extended_result_codes(d.db_, 1);
  sqlite3_db_config(d.db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  // Memory security is process-wide and cannot be turned off again once on.
  // Logging off: SQLCipher's default log goes to stderr.
  if (auto r = d.exec("PRAGMA cipher_log_level = NONE; PRAGMA cipher_memory_security = ON;"); !r) {
    return unexpected(r.error());
  }
  {
    // x'<64 hex>' in guarded memory, wiped when it goes out of scope.
    crypto::SecretBuffer raw(2 + 64 + 1 + 1);
    char* p = reinterpret_cast<char*>(raw.data());
    p[0] = 'x';
    p[1] = '\'';
    sodium_bin2hex(p + 2, 65, key.data(), key.size());
    p[66] = '\'';
    rc = sqlite3_key(d.db_, p, 67);
    if (rc != SQLITE_OK) return unexpected(sqlite_error(rc));
  }
  // Reading the schema checks the first page's HMAC: with a key we already
  // authenticated, a failure here means the file is damaged.
  if (auto r = d.exec("SELECT count(*) FROM sqlite_schema;"); !r) {
    if (r.error().code == VaultError::internal) r.error().code = VaultError::database_corrupt;
    return unexpected(r.error());
  }
  // A 64 MiB page cache: every page read from disk is decrypted and
  // authenticated, so keeping the summary and index pages hot matters.
  if (auto r = d.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                      "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON; "
                      "PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;");
      !r) {
    return unexpected(r.error());
  }
  return d;
}

void Database::allow_checkpoint_on_close() noexcept {
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
}

expected<Statement, StorageError> Database::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto c = std::make_unique<Cached>();
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &c->stmt, nullptr);
    if (rc != SQLITE_OK) return unexpected(sqlite_error(rc));
    it = cache_.emplace(std::string(sql), std::move(c)).first;
  }
  if (it->second->in_use) return prepare_uncached(sql);
  it->second->in_use = true;
  return Statement(it->second->stmt, false, &it->second->in_use);
}

expected<Statement, StorageError> Database::prepare_uncached(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return unexpected(sqlite_error(rc));
  return Statement(stmt, true, nullptr);
}

expected<void, StorageError> Database::exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return unexpected(sqlite_error(rc));
  return {};
}

expected<void, StorageError> Database::run_cached(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return unexpected(st.error());
  return st->run();
}

std::int64_t Database::changes() const noexcept { return sqlite3_changes64(db_); }

}  // namespace safehold::storage::detail
