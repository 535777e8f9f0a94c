// Fuzzes the search query translator: any user input becomes an FTS5
// expression that the real FTS5 (same table definition as the vault) accepts
// without a syntax error, and the index text builder handles any bytes.
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "search_text.hpp"

using namespace safehold::storage;

namespace {

sqlite3* database() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    if (sqlite3_open(":memory:", &d) != SQLITE_OK) std::abort();
    const char* ddl =
        "CREATE VIRTUAL TABLE record_search USING fts5(words, cjk_chars, content = '', contentless_delete = 1, "
        "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');"
        "INSERT INTO record_search (rowid, words, cjk_chars) VALUES (1, 'passport 护照 照被', '护 照 被');";
    if (sqlite3_exec(d, ddl, nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)detail::index_columns(input);
  auto expr = detail::match_expression(input);
  if (!expr || expr->empty()) return 0;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(database(), "SELECT rowid FROM record_search WHERE record_search MATCH ?1", -1, &st,
                         nullptr) != SQLITE_OK) {
    std::abort();
  }
  sqlite3_bind_text(st, 1, expr->data(), static_cast<int>(expr->size()), SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) std::abort();  // our expression was not valid FTS5
  return 0;
}
