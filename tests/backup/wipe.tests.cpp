// Emergency wipe: the key file's bytes are overwritten before it is removed,
// nothing of the vault remains, and the passphrase opens nothing afterwards.
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>

#include "backup_world.hpp"
#include "safehold/storage/backup.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

TEST_CASE("wipe overwrites the key file in place, then removes every vault file", "[wipe]") {
  VaultFixture f;
  fill_backup_world(f.vault, 200000, 5);
  f.vault.lock();
  // A hard link the test holds sees the inode's bytes after the wipe unlinks it.
  const fs::path held = f.dir / "held-key-link";
  REQUIRE(::link((f.folder / "vault.key").c_str(), held.c_str()) == 0);
  const auto original = read_file(held);
  REQUIRE(original.size() == kKeyFileSize);

  auto r = wipe_vault(f.folder);
  REQUIRE(r);
  CHECK(r->left_behind.empty());
  CHECK(r->files_removed >= 5);  // key, database, 3 attachments
  CHECK_FALSE(fs::exists(f.folder));
  const auto after = read_file(held);
  CHECK(after.size() == original.size());
  CHECK(after != original);
  // The overwritten bytes are no key file at all, so the passphrase opens nothing.
  CHECK_FALSE(parse_key_file(after));
  auto v = Vault::unlock(f.folder, pass("correct horse"));
  REQUIRE_FALSE(v);
  CHECK(v.error().code == VaultError::not_a_vault);
}

TEST_CASE("wipe leaves files Safehold never writes, and says so", "[wipe]") {
  VaultFixture f;
  f.vault.lock();
  write_file(f.folder / "notes.txt", as_bytes("not ours"));
  auto r = wipe_vault(f.folder);
  REQUIRE(r);
  CHECK(r->left_behind == std::vector<std::string>{"notes.txt"});
  CHECK_FALSE(fs::exists(f.folder / "vault.key"));
  CHECK_FALSE(fs::exists(f.folder / "vault.db"));
  CHECK(fs::exists(f.folder / "notes.txt"));
}

TEST_CASE("wipe refuses a folder that is not a vault", "[wipe]") {
  TempDir dir;
  write_file(dir / "file", as_bytes("x"));
  auto r = wipe_vault(dir.path());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == BackupError::not_found);
  CHECK(fs::exists(dir / "file"));
}
