// Interop with the real minisign binary (Debian's 0.11), both ways. Every
// test SKIPs when minisign is not installed.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "minisign_tool.hpp"
#include "safehold/crypto/minisign_files.hpp"
#include "test_util.hpp"

namespace ms = safehold::crypto::minisign;
namespace fs = std::filesystem;
using ms::MinisignError;
using safehold::crypto::SecretBuffer;
using safehold::test::run_tool;
using safehold::test::TempDir;

namespace {

fs::path minisign_or_skip() {
  auto bin = safehold::test::find_minisign();
  if (!bin) SKIP("minisign is not installed (apt install minisign)");
  return *bin;
}

std::string read_text(const fs::path& p) {
  const auto bytes = safehold::test::read_file(p);
  return {bytes.begin(), bytes.end()};
}

// An encrypted secret key file at libsodium's minimum cost (fast to open).
fs::path save_cheap_key(const TempDir& dir, const ms::SecretKey& key, std::string_view passphrase) {
  const fs::path path = dir / "ours.key";
  REQUIRE(ms::save_secret_key_file(path, key, SecretBuffer::copy_of(passphrase),
                                   ms::kMinScryptCost)
              .has_value());
  return path;
}

// Empty, small, and a multi-MB file (several read chunks).
const std::vector<std::size_t> kSizes{0, 1000, 5 * 1024 * 1024 + 17};

}  // namespace

TEST_CASE("minisign -V verifies our signatures and -Q prints our trusted comment",
          "[minisign][interop]") {
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const auto key = ms::SecretKey::generate();
  REQUIRE(ms::save_public_key_file(dir / "ours.pub", key.public_key()).has_value());
  for (std::size_t size : kSizes) {
    CAPTURE(size);
    const fs::path file = dir / ("data" + std::to_string(size));
    safehold::test::write_file(file, safehold::test::pseudo_random_bytes(size, 3));
    const std::string tc = "timestamp:1700000000\tfile:data" + std::to_string(size);
    auto sig = ms::sign_file(key, file, tc);
    REQUIRE(sig.has_value());
    REQUIRE(ms::save_signature_file(fs::path(file) += ".minisig", *sig).has_value());
    auto verified = run_tool(minisign, {"-V", "-H", "-p", (dir / "ours.pub").string(), "-m",
                                        file.string()});
    CHECK(verified.exit_code == 0);
    CHECK(verified.out.find("Trusted comment: " + tc) != std::string::npos);
    auto quiet = run_tool(minisign, {"-V", "-H", "-Q", "-P", key.public_key().key_line(), "-m",
                                     file.string()});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out == tc + "\n");
  }
}

TEST_CASE("minisign verifies our longest trusted comment and rejects our tampered file",
          "[minisign][interop]") {
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const auto key = ms::SecretKey::generate();
  safehold::test::write_file(dir / "f", safehold::test::pseudo_random_bytes(4096));
  const std::string tc(ms::kMaxTrustedCommentBytes, 'c');
  auto sig = ms::sign_file(key, dir / "f", tc);
  REQUIRE(sig.has_value());
  REQUIRE(ms::save_signature_file(dir / "f.minisig", *sig).has_value());
  auto ok = run_tool(minisign,
                     {"-V", "-H", "-Q", "-P", key.public_key().key_line(), "-m", (dir / "f").string()});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == tc + "\n");
  auto data = safehold::test::read_file(dir / "f");
  data[2048] ^= 4;
  safehold::test::write_file(dir / "f", data);
  auto bad = run_tool(minisign,
                      {"-V", "-H", "-P", key.public_key().key_line(), "-m", (dir / "f").string()});
  CHECK(bad.exit_code != 0);
}

TEST_CASE("signatures by minisign -S with a -G -W key verify with ours, byte-identical to ours",
          "[minisign][interop]") {
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const fs::path pub = dir / "m.pub", sec = dir / "m.key";
  auto gen = run_tool(minisign, {"-G", "-W", "-p", pub.string(), "-s", sec.string()});
  REQUIRE(gen.exit_code == 0);
  auto pk = ms::load_public_key_file(pub);
  REQUIRE(pk.has_value());
  auto sk_file = ms::load_secret_key_file(sec);
  REQUIRE(sk_file.has_value());
  auto sk = sk_file->open_unencrypted();
  REQUIRE(sk.has_value());
  CHECK(sk->public_key().file_text() == read_text(pub));

  for (std::size_t size : kSizes) {
    CAPTURE(size);
    const fs::path file = dir / ("data" + std::to_string(size));
    safehold::test::write_file(file, safehold::test::pseudo_random_bytes(size, 5));
    const std::string tc = "made by minisign " + std::to_string(size);
    auto signed_ = run_tool(minisign, {"-S", "-s", sec.string(), "-m", file.string(), "-t", tc});
    REQUIRE(signed_.exit_code == 0);
    const fs::path sig_path = fs::path(file) += ".minisig";
    auto verified = ms::verify_file(*pk, sig_path, file);
    REQUIRE(verified.has_value());
    CHECK(*verified == tc);
    auto ours = ms::sign_file(*sk, file, tc);
    REQUIRE(ours.has_value());
    CHECK(ours->text() == read_text(sig_path));
  }

  auto legacy = run_tool(minisign, {"-S", "-l", "-s", sec.string(), "-m",
                                    (dir / "data1000").string(), "-x", (dir / "legacy.sig").string()});
  REQUIRE(legacy.exit_code == 0);
  auto refused = ms::verify_file(*pk, dir / "legacy.sig", dir / "data1000");
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error() == MinisignError::legacy_signature);
}

TEST_CASE("a passphrase-protected key made by minisign -G loads with its passphrase",
          "[minisign][interop][slow]") {
  // minisign -G always uses its 1 GiB scrypt setting: a few seconds each way.
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const fs::path pub = dir / "m.pub", sec = dir / "m.key";
  auto gen = run_tool(minisign, {"-G", "-p", pub.string(), "-s", sec.string()},
                      "minisign passphrase\nminisign passphrase\n");
  REQUIRE(gen.exit_code == 0);
  auto file = ms::load_secret_key_file(sec);
  REQUIRE(file.has_value());
  CHECK(file->encrypted());
  CHECK(file->cost() == ms::kMinisignScryptCost);
  auto key = file->decrypt(SecretBuffer::copy_of(std::string_view("minisign passphrase")));
  REQUIRE(key.has_value());
  CHECK(key->public_key().file_text() == read_text(pub));
}

TEST_CASE("our encrypted secret key file is accepted by minisign -S and -R",
          "[minisign][interop]") {
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const auto key = ms::SecretKey::generate();
  const fs::path sec = save_cheap_key(dir, key, "s3cret pw");
  safehold::test::write_file(dir / "f", safehold::test::pseudo_random_bytes(12345));
  auto signed_ = run_tool(minisign, {"-S", "-s", sec.string(), "-m", (dir / "f").string(), "-t",
                                     "signed by minisign with our key"},
                          "s3cret pw\n");
  REQUIRE(signed_.exit_code == 0);
  auto tc = ms::verify_file(key.public_key(), dir / "f.minisig", dir / "f");
  REQUIRE(tc.has_value());
  CHECK(*tc == "signed by minisign with our key");
  auto ours = ms::sign_file(key, dir / "f", "signed by minisign with our key");
  REQUIRE(ours.has_value());
  CHECK(ours->text() == read_text(dir / "f.minisig"));

  auto wrong = run_tool(minisign, {"-S", "-s", sec.string(), "-m", (dir / "f").string(), "-x",
                                   (dir / "w.sig").string()},
                        "not the passphrase\n");
  CHECK(wrong.exit_code != 0);

  auto recreated = run_tool(minisign, {"-R", "-s", sec.string(), "-p", (dir / "r.pub").string()},
                            "s3cret pw\n");
  REQUIRE(recreated.exit_code == 0);
  CHECK(read_text(dir / "r.pub") == key.public_key().file_text());
}

TEST_CASE("a key whose password minisign -C -W removed opens unencrypted",
          "[minisign][interop]") {
  // This shape keeps the old salt and limits and a valid checksum.
  const fs::path minisign = minisign_or_skip();
  TempDir dir;
  const auto key = ms::SecretKey::generate();
  const fs::path sec = save_cheap_key(dir, key, "pw");
  auto removed = run_tool(minisign, {"-C", "-W", "-s", sec.string()}, "pw\n");
  REQUIRE(removed.exit_code == 0);
  auto file = ms::load_secret_key_file(sec);
  REQUIRE(file.has_value());
  CHECK_FALSE(file->encrypted());
  CHECK(file->cost() == ms::kMinScryptCost);
  auto opened = file->open_unencrypted();
  REQUIRE(opened.has_value());
  CHECK(opened->public_key() == key.public_key());
}
