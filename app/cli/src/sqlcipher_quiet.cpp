#include "sqlcipher_quiet.hpp"

#include <sqlite3.h>

#include <string_view>

namespace safehold::cli {

void silence_sqlcipher_log() noexcept {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) == SQLITE_OK) {
    // A throwaway in-memory database keyed with a fixed, meaningless key: the
    // first key of the process initialises the codec, after which the log
    // level set below stays for every later connection.
    static constexpr std::string_view kDummyKey =
        "x'0000000000000000000000000000000000000000000000000000000000000000'";
    sqlite3_key(db, kDummyKey.data(), static_cast<int>(kDummyKey.size()));
    sqlite3_exec(db, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
  }
  sqlite3_close(db);
}

}  // namespace safehold::cli
