#include "safehold/core/policy/process_start.hpp"

#include <sqlite3.h>

#include <string_view>

#include "safehold/base/process_hardening.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::core {
namespace {

// SQLCipher 4.6 resets its log level when the codec first initialises, on the
// first sqlite3_key() of the process, so a `PRAGMA cipher_log_level` sent
// before that key does not stick. A throwaway in-memory database keyed with a
// fixed, meaningless key initialises the codec; the level set after it stays
// for every later connection.
void silence_sqlcipher_log() noexcept {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) == SQLITE_OK) {
    static constexpr std::string_view kDummyKey =
        "x'0000000000000000000000000000000000000000000000000000000000000000'";
    sqlite3_key(db, kDummyKey.data(), static_cast<int>(kDummyKey.size()));
    sqlite3_exec(db, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
  }
  sqlite3_close(db);
}

}  // namespace

bool start_process() noexcept {
  const bool sodium = crypto::sodium_ready();
  const bool hardened = base::harden_process() && sodium;
  silence_sqlcipher_log();
  return hardened;
}

}  // namespace safehold::core
