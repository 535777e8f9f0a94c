// SIGKILL at random moments: a killed backup leaves no partial file under the
// final name; a killed restore leaves no folder under the target name that is not
// a complete vault.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <thread>

#include "backup_world.hpp"
#include "cli_fixture.hpp"
#include "safehold/storage/backup.hpp"

using namespace safehold;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

struct BigVault : CliVault {
  BigVault() {
    auto v = storage::Vault::unlock(folder, crypto::SecretBuffer::copy_of(kPassphrase));
    if (!v) throw std::runtime_error("unlock failed");
    fill_backup_world(*v, 96ULL << 20, 5);
  }
  int killed_at(std::vector<std::string> args, int delay_ms) const {
    std::vector<std::string> argv{cli_binary(), "--passphrase-file", pass_file.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    Child child(argv, {});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    child.signal(SIGKILL);
    return child.wait().exit_code;
  }
};

const int kDelaysMs[] = {5, 40, 120, 250, 400, 700, 1100};

}  // namespace

TEST_CASE("kill: a backup killed at any moment leaves nothing partial under the final name", "[backup][kill]") {
  BigVault v;
  int killed = 0;
  for (int delay : kDelaysMs) {
    INFO("delay " << delay << " ms");
    const fs::path out = v.dir / ("killed-" + std::to_string(delay) + ".shbackup");
    const int code = v.killed_at({"--vault", v.folder.string(), "backup", "-o", out.string()}, delay);
    if (code == 128 + SIGKILL) {
      ++killed;
      // A kill after the publishing rename (while the snapshot is removed
      // or the summary printed) leaves the finished backup, which is fine;
      // what must never appear under the name is a partial one.
      if (fs::exists(out)) CHECK(storage::verify_backup(out, crypto::SecretBuffer::copy_of(kPassphrase)));
    } else {
      REQUIRE(code == 0);  // finished before the kill: then it is whole
      CHECK(storage::verify_backup(out, crypto::SecretBuffer::copy_of(kPassphrase)));
    }
  }
  CHECK(killed >= 3);
  // The vault itself is untouched by a killed backup.
  auto vault = storage::Vault::unlock(v.folder, crypto::SecretBuffer::copy_of(kPassphrase));
  REQUIRE(vault);
  CHECK(vault->check_integrity().value().ok());
}

TEST_CASE("kill: a restore killed at any moment leaves no half vault under the target", "[backup][kill]") {
  BigVault v;
  const fs::path file = v.dir / "b.shbackup";
  REQUIRE(storage::write_backup(v.folder, crypto::SecretBuffer::copy_of(kPassphrase), file));
  int killed = 0;
  for (int delay : kDelaysMs) {
    INFO("delay " << delay << " ms");
    const fs::path target = v.dir / ("restored-" + std::to_string(delay));
    const int code = v.killed_at({"--vault", target.string(), "restore", file.string()}, delay);
    if (code == 128 + SIGKILL) ++killed;
    if (!fs::exists(target)) continue;
    // Whatever is under the target name is a whole vault.
    auto vault = storage::Vault::unlock(target, crypto::SecretBuffer::copy_of(kPassphrase));
    REQUIRE(vault);
    CHECK(vault->check_integrity().value().ok());
  }
  CHECK(killed >= 3);
}
