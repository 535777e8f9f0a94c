#pragma once
// Helpers for the storage tests: vaults with cheap Argon2id parameters in
// temporary folders, and a raw SQLCipher connection (keyed the way
// docs/storage.md specifies) for tests that tamper with the database.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "safehold/crypto/hkdf.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/storage/key_file.hpp"
#include "safehold/storage/vault.hpp"
#include "test_util.hpp"

namespace safehold::test {

inline crypto::SecretBuffer pass(std::string_view text) { return crypto::SecretBuffer::copy_of(text); }

inline storage::CreateOptions cheap_options(std::string owner = "Test Worker") {
  return {std::move(owner), storage::KdfParams::insecure_for_tests()};
}

// A fresh vault in its own temporary folder, unlocked.
struct VaultFixture {
  TempDir dir;
  std::filesystem::path folder = dir / "vault";
  storage::Vault vault = make();

  storage::Vault make() {
    auto v = storage::Vault::create(folder, pass("correct horse"), cheap_options());
    if (!v) throw std::runtime_error("create failed: " + v.error().describe());
    return std::move(*v);
  }
  storage::Vault reopen() {
    vault.lock();
    auto v = storage::Vault::unlock(folder, pass("correct horse"));
    if (!v) throw std::runtime_error("unlock failed: " + v.error().describe());
    return std::move(*v);
  }
};

// The raw database key, derived as docs/storage.md "Key hierarchy" says.
inline crypto::SecretBuffer database_key(const std::filesystem::path& folder, std::string_view passphrase) {
  auto raw = read_file(folder / "vault.key");
  auto kf = storage::parse_key_file(raw);
  if (!kf) throw std::runtime_error("bad key file");
  auto master = storage::unwrap_master_key(*kf, pass(passphrase));
  if (!master) throw std::runtime_error("wrong passphrase");
  return crypto::hkdf_sha256(master->span(), kf->vault_id, "safehold/vault/v1/database", 32);
}

// A plain SQLCipher connection to a locked vault's database, for tampering.
class RawDb {
 public:
  RawDb(const std::filesystem::path& folder, std::string_view passphrase = "correct horse") {
    if (sqlite3_open((folder / "vault.db").c_str(), &db_) != SQLITE_OK) throw std::runtime_error("open");
    auto key = database_key(folder, passphrase);
    const std::string hex = "x'" + to_hex(key.span()) + "'";
    if (sqlite3_key(db_, hex.data(), static_cast<int>(hex.size())) != SQLITE_OK) throw std::runtime_error("key");
    exec("PRAGMA cipher_log_level = NONE");
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error("sql failed: " + msg + " in " + sql);
    }
  }
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error("prepare");
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace safehold::test
