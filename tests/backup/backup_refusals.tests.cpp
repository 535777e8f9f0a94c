// A wrong passphrase, a flipped byte anywhere and a truncation are refused
// with their own error, and restore leaves nothing behind.
#include <catch2/catch_test_macros.hpp>

#include "backup_world.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/backup_format.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

struct BackupFixture : VaultFixture {
  fs::path file = dir / "b.shbackup";
  std::vector<std::uint8_t> bytes;
  BackupFixture() {
    fill_backup_world(vault, 300000, 20);
    if (!write_backup(folder, pass("correct horse"), file)) throw std::runtime_error("backup failed");
    bytes = read_file(file);
  }
  // Restores `data` into a fresh target; the refusal's code, or nullopt.
  std::optional<BackupError> restore_of(const std::vector<std::uint8_t>& data, std::string_view passphrase = "correct horse") {
    const fs::path bad = dir / "bad.shbackup";
    fs::remove(bad);
    write_file(bad, data);
    const fs::path target = dir / "target";
    auto r = restore_backup(bad, pass(passphrase), target);
    // Nothing under the target name, no staging folder, no scratch file.
    CHECK_FALSE(fs::exists(target));
    for (const auto& e : fs::directory_iterator(dir.path())) {
      const auto name = e.path().filename().string();
      INFO(name);
      CHECK((name == "vault" || name == "b.shbackup" || name == "bad.shbackup"));
    }
    if (r) {
      fs::remove_all(target);
      return std::nullopt;
    }
    return r.error().code;
  }
};

}  // namespace

TEST_CASE("wrong passphrase: refused as such, nothing restored", "[backup][refusal]") {
  BackupFixture f;
  CHECK(f.restore_of(f.bytes, "wrong horse") == BackupError::wrong_passphrase);
  auto v = verify_backup(f.file, pass("wrong horse"));
  REQUIRE_FALSE(v);
  CHECK(v.error().code == BackupError::wrong_passphrase);
}

TEST_CASE("a flipped byte anywhere (header and body) is refused, nothing restored", "[backup][refusal]") {
  BackupFixture f;
  REQUIRE(f.bytes.size() > 300000);
  // Header: magic, version, reserved, key file (its header, KDF params, nonce,
  // wrapped key), salt, body size, checksum, MAC; then the body.
  std::vector<std::size_t> positions = {0,   7,   8,   9,   10,  11,  12,  20,  40,  50,  60,  100, 143, 144,
                                        175, 176, 183, 184, 215, 216, 247, 248, 249, 300};
  for (std::size_t i = 1; i <= 24; ++i) positions.push_back(f.bytes.size() * i / 25);
  for (std::size_t back : {1u, 2u, 16u, 17u, 100u}) positions.push_back(f.bytes.size() - back);
  for (const auto pos : positions) {
    INFO("position " << pos);
    auto bad = f.bytes;
    bad[pos] ^= 0x01;
    const auto code = f.restore_of(bad);
    REQUIRE(code.has_value());
    if (pos < 8) {
      CHECK(*code == BackupError::not_a_backup);
    } else if (pos < 10) {
      CHECK(*code == BackupError::unsupported_version);
    } else {
      CHECK(*code == BackupError::damaged);
    }
  }
}

TEST_CASE("a truncated backup is refused as truncated, nothing restored", "[backup][refusal]") {
  BackupFixture f;
  const std::size_t n = f.bytes.size();
  for (std::size_t len : {std::size_t{0}, std::size_t{4}, std::size_t{100}, std::size_t{247}, std::size_t{248},
                          std::size_t{249}, std::size_t{248 + 65552}, std::size_t{248 + 65552 + 1}, n / 2, n - 17,
                          n - 16, n - 1}) {
    INFO("length " << len);
    std::vector<std::uint8_t> cut(f.bytes.begin(), f.bytes.begin() + static_cast<std::ptrdiff_t>(len));
    CHECK(f.restore_of(cut) == BackupError::truncated);
  }
}

TEST_CASE("appended bytes and other files are refused", "[backup][refusal]") {
  BackupFixture f;
  auto longer = f.bytes;
  longer.push_back(0);
  CHECK(f.restore_of(longer) == BackupError::damaged);
  CHECK(f.restore_of(read_file(f.folder / "vault.key")) == BackupError::not_a_backup);
  auto v = verify_backup(f.dir / "absent", pass("correct horse"));
  REQUIRE_FALSE(v);
  CHECK(v.error().code == BackupError::not_found);
}

TEST_CASE("the archive parser accepts only its one order", "[backup][refusal]") {
  namespace bf = backup_format;
  auto archive = [](std::vector<bf::EntryHeader> entries) {
    std::vector<std::uint8_t> out;
    for (const auto& e : entries) {
      const auto h = bf::serialize_entry_header(e);
      out.insert(out.end(), h.begin(), h.end());
      out.insert(out.end(), e.size, 0);
    }
    return out;
  };
  auto run = [](const std::vector<std::uint8_t>& bytes) -> std::optional<BackupError> {
    base::SpanSource src(bytes);
    bf::ArchiveReader r(src);
    std::vector<std::uint8_t> buf(4096);
    for (;;) {
      auto e = r.next();
      if (!e) return e.error();
      for (;;) {
        auto n = r.read(buf);
        if (!n) return n.error();
        if (*n == 0) break;
      }
      if (e->kind == bf::EntryKind::manifest) break;
    }
    auto fin = r.finish();
    if (!fin) return fin.error();
    return std::nullopt;
  };
  const std::string a(32, 'a'), b(32, 'b');
  const bf::EntryHeader db{bf::EntryKind::database, "vault.db", 10};
  const bf::EntryHeader man{bf::EntryKind::manifest, "manifest", bf::kManifestSize};
  CHECK_FALSE(run(archive({db, {bf::EntryKind::attachment, a, 3}, {bf::EntryKind::attachment, b, 0}, man})));
  CHECK(run(archive({{bf::EntryKind::attachment, a, 3}, db, man})) == BackupError::damaged);
  CHECK(run(archive({db, {bf::EntryKind::attachment, b, 3}, {bf::EntryKind::attachment, a, 0}, man})) == BackupError::damaged);
  CHECK(run(archive({db, {bf::EntryKind::attachment, a, 3}, {bf::EntryKind::attachment, a, 0}, man})) == BackupError::damaged);
  CHECK(run(archive({db, {bf::EntryKind::attachment, "../../etc/passwd", 3}, man})) == BackupError::damaged);
  CHECK(run(archive({db, db, man})) == BackupError::damaged);
  CHECK(run(archive({db})) == BackupError::damaged);
  CHECK(run(archive({db, {bf::EntryKind::manifest, "manifest", 10}})) == BackupError::damaged);
  auto extra = archive({db, man});
  extra.push_back(1);
  CHECK(run(extra) == BackupError::damaged);
}
