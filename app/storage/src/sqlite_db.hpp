#pragma once
// Internal: a thin RAII layer over the SQLCipher C API. Prepared statements
// are cached per connection (our SQL is a fixed set of string constants) and
// reset when a Statement handle goes out of scope.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage::detail {

// Maps an SQLite result code to our error (detail: the code's name only;
// sqlite3_errmsg is never used because it may quote values).
StorageError sqlite_error(int rc);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, bool owned, bool* in_use) noexcept
      : stmt_(stmt), owned_(owned), in_use_(in_use) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding a parameter that does not exist is a programmer error (throws
  // std::logic_error); out of memory throws std::bad_alloc.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
  Statement& bind_null(int index);

  // One step: true when a row is available.
  [[nodiscard]] expected<bool, StorageError> step();
  // Steps to completion (statements that return no rows).
  [[nodiscard]] expected<void, StorageError> run();
  // Steps to completion, collecting column `col` of every row as text.
  [[nodiscard]] expected<std::vector<std::string>, StorageError> all_text(int col);
  // Steps to completion, collecting row_of(*this) for every row.
  template <class RowOf>
  [[nodiscard]] auto all_rows(RowOf row_of) -> expected<std::vector<decltype(row_of(*this))>, StorageError> {
    std::vector<decltype(row_of(*this))> out;
    for (;;) {
      auto row = step();
      if (!row) return unexpected(row.error());
      if (!*row) break;
      out.push_back(row_of(*this));
    }
    return out;
  }
  // Resets for another execution with new bindings.
  void reset() noexcept;

  std::string text(int col) const;
  std::int64_t integer(int col) const;
  std::vector<std::uint8_t> blob(int col) const;
  std::span<const std::uint8_t> blob_view(int col) const;  // valid until the next step
  bool is_null(int col) const;

 private:
  void release() noexcept;
  void check_bind(int rc) const;
  sqlite3_stmt* stmt_ = nullptr;
  bool owned_ = false;
  bool* in_use_ = nullptr;
};

class Database {
 public:
  Database() = default;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Opens (with `create`, also an empty or new file) an SQLCipher database keyed with the raw
  // 32-byte `key`, and checks that the key opens it. Sets the connection up:
  // cipher_memory_security, WAL, synchronous=FULL, temp_store=MEMORY,
  // foreign_keys. Checkpoint-on-close stays off until allow_checkpoint_on_close()
  // so a refused open leaves the files as they were.
  // Errors: database_missing, database_corrupt, io_failed, permission_denied.
  [[nodiscard]] static expected<Database, StorageError> open(const std::filesystem::path& file,
                                                             const crypto::SecretBuffer& key,
                                                             bool create);
  void allow_checkpoint_on_close() noexcept;

  // Cached when possible (a statement already in use is prepared afresh).
  [[nodiscard]] expected<Statement, StorageError> prepare(std::string_view sql);
  // Statements whose text varies (built queries): never cached.
  [[nodiscard]] expected<Statement, StorageError> prepare_uncached(std::string_view sql);
  // Runs one or more statements that return nothing of interest.
  [[nodiscard]] expected<void, StorageError> exec(const char* sql);
  // Runs one statement through the cache (transaction control on hot paths:
  // every parse allocates, and allocations are costly with memory security).
  [[nodiscard]] expected<void, StorageError> run_cached(std::string_view sql);

  std::int64_t changes() const noexcept;
  sqlite3* handle() noexcept { return db_; }
  bool is_open() const noexcept { return db_ != nullptr; }
  void close() noexcept;

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Cached>, std::less<>> cache_;
};

}  // namespace safehold::storage::detail
