// The CLI commands as a user runs them: backup, backup verify, wipe (with its
// guard), restore; one exit code per kind of refusal.
#include <catch2/catch_test_macros.hpp>

#include "backup_world.hpp"
#include "cli_fixture.hpp"

using namespace safehold;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

// A CLI vault holding the backup world (created through the library with
// cheap Argon2id parameters; the CLI unlocks with what the key file records).
struct WorldVault : CliVault {
  explicit WorldVault(std::uint64_t big = 0) {
    auto v = storage::Vault::unlock(folder, crypto::SecretBuffer::copy_of(kPassphrase));
    if (!v) throw std::runtime_error("unlock failed");
    fill_backup_world(*v, big, 20);
  }
  fs::path backup = dir / "travel.shbackup";
  CliResult at(const fs::path& vault, const std::vector<std::string>& args) const {
    std::vector<std::string> all{"--vault", vault.string(), "--passphrase-file", pass_file.string()};
    all.insert(all.end(), args.begin(), args.end());
    return run_cli(all);
  }
};

}  // namespace

TEST_CASE("cli: before you travel: backup, verify, wipe, restore, check", "[backup][cli]") {
  WorldVault w(1 << 20);
  auto r = w.cli({"backup", "-o", w.backup.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = w.cli({"backup", "verify", w.backup.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("recorded in the vault") != std::string::npos);

  r = w.cli({"wipe"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--yes") != std::string::npos);
  CHECK(fs::exists(w.folder / "vault.key"));

  r = w.cli({"wipe", "--yes"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("SSD") != std::string::npos);
  CHECK_FALSE(fs::exists(w.folder));

  // After arrival, on a fresh laptop: the default vault folder's parents do
  // not exist yet (made 0700, as `init` makes them).
  const fs::path home = w.dir / "arrived" / ".local" / "share" / "safehold" / "vault";
  r = w.at(home, {"restore", w.backup.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK((fs::status(home.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
  r = w.at(home, {"check"});
  CHECK(r.exit_code == 0);
  r = w.at(home, {"audit", "verify"});
  CHECK(r.exit_code == 0);
}

TEST_CASE("cli: wipe refuses without a verified backup newer than the last change", "[backup][cli]") {
  WorldVault w;
  auto r = w.cli({"wipe", "--yes"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("--i-accept-data-loss") != std::string::npos);
  CHECK(fs::exists(w.folder / "vault.key"));

  REQUIRE(w.cli({"backup", "-o", w.backup.string()}).exit_code == 0);
  REQUIRE(w.cli({"backup", "verify", w.backup.string()}).exit_code == 0);
  w.case_with_consent("changed after the backup");
  r = w.cli({"wipe", "--yes"});
  CHECK(r.exit_code == 4);
  CHECK(fs::exists(w.folder / "vault.key"));

  // Without the guard no passphrase is asked: an empty stdin is enough.
  r = run_cli({"--vault", w.folder.string(), "wipe", "--yes", "--i-accept-data-loss"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(w.folder));
}

TEST_CASE("cli: refusals have their own exit codes and restore nothing", "[backup][cli]") {
  WorldVault w;
  REQUIRE(w.cli({"backup", "-o", w.backup.string()}).exit_code == 0);
  const auto bytes = read_file(w.backup);
  const fs::path target = w.dir / "target";
  auto restore_of = [&](const std::vector<std::uint8_t>& data, const fs::path& pass_file) {
    const fs::path bad = w.dir / "bad.shbackup";
    fs::remove(bad);
    write_file(bad, data);
    auto r = run_cli({"--vault", target.string(), "--passphrase-file", pass_file.string(), "restore", bad.string()});
    CHECK_FALSE(fs::exists(target));
    CHECK(r.err.find('\n') == r.err.size() - 1);  // one line
    return r.exit_code;
  };
  const fs::path wrong = w.dir / "wrong";
  write_text(wrong, "not the passphrase\n");
  CHECK(restore_of(bytes, wrong) == 3);
  auto flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  CHECK(restore_of(flipped, w.pass_file) == 40);
  CHECK(restore_of({bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() - 100)}, w.pass_file) == 41);
  CHECK(restore_of(read_file(w.folder / "vault.key"), w.pass_file) == 42);

  // backup never replaces a file without --force
  const auto r = w.cli({"backup", "-o", w.backup.string()});
  CHECK(r.exit_code == 7);
  CHECK(read_file(w.backup) == bytes);
  CHECK(w.cli({"backup", "-o", w.backup.string(), "--force"}).exit_code == 0);
  // restore refuses a folder that is not empty
  const fs::path busy = w.dir / "busy";
  fs::create_directory(busy);
  write_text(busy / "keep", "x");
  CHECK(w.at(busy, {"restore", w.backup.string()}).exit_code == 7);
  CHECK(fs::exists(busy / "keep"));
}
