// Progress and cancel of write_backup, verify_backup and restore_backup (the
// desktop app's Backup screen and Restore tab run them on a worker thread
// with a Cancel button).
#include <catch2/catch_test_macros.hpp>

#include "backup_world.hpp"
#include "safehold/storage/backup.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

TEST_CASE("backup and verify report bytes and entries up to their totals", "[backup][progress]") {
  VaultFixture f;
  fill_backup_world(f.vault, 3ULL << 20, 10);
  const fs::path file = f.dir / "vault.shbackup";
  std::vector<BackupProgress> seen;
  BackupHooks hooks;
  hooks.progress = [&](const BackupProgress& p) { seen.push_back(p); };
  auto made = write_backup(f.folder, pass("correct horse"), file, base::Publish::no_replace, hooks);
  REQUIRE(made);
  REQUIRE(seen.size() > 10);
  const auto last = seen.back();
  CHECK(last.bytes_total == fs::file_size(file));
  CHECK(last.bytes_done == last.bytes_total);
  CHECK(last.entries_total == 1 + made->attachments);
  CHECK(last.entries_done == last.entries_total);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].bytes_done >= seen[i - 1].bytes_done);

  seen.clear();
  auto verified = verify_backup(file, pass("correct horse"), hooks);
  REQUIRE(verified);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back().bytes_done == fs::file_size(file));
  CHECK(seen.back().bytes_total == fs::file_size(file));
  CHECK(seen.back().entries_done == 1 + verified->attachments);
}

TEST_CASE("a cancelled backup leaves no file, a cancelled verify no scratch folder", "[backup][progress]") {
  VaultFixture f;
  fill_backup_world(f.vault, 3ULL << 20, 10);
  const fs::path file = f.dir / "vault.shbackup";
  const auto before = names_in(f.dir.path());
  // Cancel once a megabyte has been written: the middle of the attachments.
  std::uint64_t done = 0;
  BackupHooks hooks;
  hooks.progress = [&](const BackupProgress& p) { done = p.bytes_done; };
  hooks.cancel_requested = [&] { return done > (1u << 20); };
  auto made = write_backup(f.folder, pass("correct horse"), file, base::Publish::no_replace, hooks);
  REQUIRE_FALSE(made);
  CHECK(made.error().code == BackupError::cancelled);
  CHECK(done > (1u << 20));
  CHECK(names_in(f.dir.path()) == before);  // no file under the final name, no temporary, no snapshot

  REQUIRE(write_backup(f.folder, pass("correct horse"), file));
  done = 0;
  auto verified = verify_backup(file, pass("correct horse"), hooks);
  REQUIRE_FALSE(verified);
  CHECK(verified.error().code == BackupError::cancelled);
  auto after = before;
  after.push_back("vault.shbackup");
  std::sort(after.begin(), after.end());
  CHECK(names_in(f.dir.path()) == after);  // the scratch folder is gone
  CHECK(verify_backup(file, pass("correct horse")));  // cancelling changed nothing in the file
}

TEST_CASE("restore reports progress; a cancelled restore leaves no vault and no staging folder",
          "[backup][progress]") {
  VaultFixture f;
  fill_backup_world(f.vault, 3ULL << 20, 10);
  const fs::path file = f.dir / "vault.shbackup";
  REQUIRE(write_backup(f.folder, pass("correct horse"), file));
  const auto before = names_in(f.dir.path());

  std::vector<BackupProgress> seen;
  BackupHooks hooks;
  hooks.progress = [&](const BackupProgress& p) { seen.push_back(p); };
  auto restored = restore_backup(file, pass("correct horse"), f.dir / "restored", hooks);
  REQUIRE(restored);
  REQUIRE(seen.size() > 10);
  CHECK(seen.back().bytes_done == fs::file_size(file));
  CHECK(seen.back().bytes_total == fs::file_size(file));
  CHECK(seen.back().entries_done == 1 + restored->attachments);
  fs::remove_all(f.dir / "restored");

  // Cancel once a megabyte has been read: the middle of the attachments.
  std::uint64_t done = 0;
  hooks.progress = [&](const BackupProgress& p) { done = p.bytes_done; };
  hooks.cancel_requested = [&] { return done > (1u << 20); };
  auto cancelled = restore_backup(file, pass("correct horse"), f.dir / "restored", hooks);
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().code == BackupError::cancelled);
  CHECK(done > (1u << 20));
  CHECK(names_in(f.dir.path()) == before);  // no vault, no hidden staging folder

  // A cancel asked for after the last byte still stops before the rename.
  hooks.progress = [&](const BackupProgress& p) { done = p.bytes_done; };
  hooks.cancel_requested = [&] { return done == fs::file_size(file); };
  done = 0;
  auto late = restore_backup(file, pass("correct horse"), f.dir / "restored", hooks);
  REQUIRE_FALSE(late);
  CHECK(late.error().code == BackupError::cancelled);
  CHECK(names_in(f.dir.path()) == before);
}
