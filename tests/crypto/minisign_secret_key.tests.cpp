// Secret key files: encryption round trip, wrong passphrase, cost cap,
// minisign's unencrypted form, strict parsing, and the file helpers.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>
#include <sys/stat.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "minisign_kat.hpp"
#include "safehold/crypto/minisign_files.hpp"
#include "safehold/crypto/minisign_secret_key.hpp"
#include "test_util.hpp"

namespace ms = safehold::crypto::minisign;
namespace kat = safehold::test::minisign_kat;
using ms::MinisignError;
using safehold::crypto::SecretBuffer;

namespace {

const ms::ScryptCost kCheap = ms::kMinScryptCost;

SecretBuffer pass(std::string_view text) { return SecretBuffer::copy_of(text); }

std::string encode(const ms::SecretKey& key, std::string_view passphrase) {
  auto text = ms::encode_secret_key_file(key, pass(passphrase), kCheap);
  REQUIRE(text.has_value());
  return std::string(text->view());  // test keys only: fine on the ordinary heap
}

// The decoded 158-byte structure of a secret key file, and back.
std::vector<std::uint8_t> decode(std::string_view file) {
  const auto lf = file.find('\n');
  const std::string_view line = file.substr(lf + 1, file.size() - lf - 2);
  std::vector<std::uint8_t> raw(158);
  std::size_t n = 0;
  REQUIRE(sodium_base642bin(raw.data(), raw.size(), line.data(), line.size(), nullptr, &n,
                            nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  REQUIRE(n == 158);
  return raw;
}

std::string encode_raw(std::string_view original_file, const std::vector<std::uint8_t>& raw) {
  std::string b64(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  b64.pop_back();
  return std::string(original_file.substr(0, original_file.find('\n') + 1)) + b64 + "\n";
}

MinisignError decrypt_error(std::string_view file, std::string_view passphrase,
                            ms::ScryptCost cap = ms::kDefaultScryptCap) {
  auto parsed = ms::SecretKeyFile::parse(file);
  REQUIRE(parsed.has_value());
  auto key = parsed->decrypt(pass(passphrase), cap);
  REQUIRE_FALSE(key.has_value());
  return key.error();
}

}  // namespace

TEST_CASE("an encrypted secret key file round-trips with its passphrase",
          "[minisign][secret-key]") {
  const auto key = ms::SecretKey::generate();
  const std::string file = encode(key, "correct horse battery staple");
  CHECK(file.starts_with("untrusted comment: minisign encrypted secret key\n"));
  CHECK(file.size() == 49 + 212 + 1);
  auto parsed = ms::SecretKeyFile::parse(file);
  REQUIRE(parsed.has_value());
  CHECK(parsed->encrypted());
  CHECK(parsed->cost() == kCheap);
  auto opened = parsed->decrypt(pass("correct horse battery staple"));
  REQUIRE(opened.has_value());
  CHECK(opened->key_id() == key.key_id());
  CHECK(opened->public_key() == key.public_key());
  CHECK(safehold::crypto::equal_constant_time(opened->secret_bytes().span(),
                                              key.secret_bytes().span()));
  // A fresh salt each time: the same key never encrypts the same way twice.
  CHECK(encode(key, "correct horse battery staple") != file);
  auto unencrypted = parsed->open_unencrypted();
  REQUIRE_FALSE(unencrypted.has_value());
  CHECK(unencrypted.error() == MinisignError::passphrase_required);
}

TEST_CASE("a wrong passphrase or damaged ciphertext fails the checksum",
          "[minisign][secret-key]") {
  const auto key = ms::SecretKey::generate();
  const std::string file = encode(key, "right");
  CHECK(decrypt_error(file, "wrong") == MinisignError::wrong_passphrase);
  CHECK(decrypt_error(file, "") == MinisignError::wrong_passphrase);
  CHECK(decrypt_error(file, "right ") == MinisignError::wrong_passphrase);
  // Salt, key id, secret key and checksum bytes: any change shows.
  for (std::size_t at : {6u, 37u, 54u, 61u, 62u, 100u, 125u, 126u, 157u}) {
    auto raw = decode(file);
    raw[at] ^= 0x10;
    CHECK(decrypt_error(encode_raw(file, raw), "right") == MinisignError::wrong_passphrase);
  }
}

TEST_CASE("an empty passphrase works as minisign allows it", "[minisign][secret-key]") {
  const auto key = ms::SecretKey::generate();
  auto parsed = ms::SecretKeyFile::parse(encode(key, ""));
  REQUIRE(parsed.has_value());
  auto opened = parsed->decrypt(SecretBuffer{});
  REQUIRE(opened.has_value());
  CHECK(opened->public_key() == key.public_key());
}

TEST_CASE("scrypt parameters above the cap are refused before any work",
          "[minisign][secret-key]") {
  const auto key = ms::SecretKey::generate();
  const std::string file = encode(key, "pw");
  CHECK(decrypt_error(file, "pw", {kCheap.opslimit - 1, kCheap.memlimit}) ==
        MinisignError::kdf_too_costly);
  CHECK(decrypt_error(file, "pw", {kCheap.opslimit, kCheap.memlimit - 1}) ==
        MinisignError::kdf_too_costly);
  // An absurd stored memlimit (2^62) against the default cap.
  auto raw = decode(file);
  raw[46 + 7] = 0x40;
  CHECK(decrypt_error(encode_raw(file, raw), "pw") == MinisignError::kdf_too_costly);
}

TEST_CASE("writing refuses passphrases minisign could not type, and out-of-range costs",
          "[minisign][secret-key]") {
  const auto key = ms::SecretKey::generate();
  for (const std::string& bad : {std::string("a\nb"), std::string("a\rb"),
                                 std::string("a\0b", 3), std::string(1023, 'p')}) {
    auto r = ms::encode_secret_key_file(key, pass(bad), kCheap);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == MinisignError::unusable_passphrase);
  }
  CHECK(ms::encode_secret_key_file(key, pass(std::string(1022, 'p')), kCheap).has_value());
  CHECK_THROWS_AS(ms::encode_secret_key_file(key, pass("pw"), {16384, kCheap.memlimit}),
                  std::invalid_argument);
  CHECK_THROWS_AS(
      ms::encode_secret_key_file(key, pass("pw"), {kCheap.opslimit, ms::kMinisignScryptCost.memlimit * 2}),
      std::invalid_argument);
}

TEST_CASE("minisign's unencrypted (-W) secret key opens without a passphrase",
          "[minisign][secret-key]") {
  auto parsed = ms::SecretKeyFile::parse(kat::kSecretKeyFile);
  REQUIRE(parsed.has_value());
  CHECK_FALSE(parsed->encrypted());
  CHECK(parsed->cost() == ms::ScryptCost{0, 0});
  auto key = parsed->open_unencrypted();
  REQUIRE(key.has_value());
  CHECK(ms::key_id_hex(key->key_id()) == kat::kKeyIdHex);
  auto decrypted = parsed->decrypt(pass("anything"));
  REQUIRE_FALSE(decrypted.has_value());
  CHECK(decrypted.error() == MinisignError::not_encrypted);
}

TEST_CASE("an unencrypted key with damage or a half-missing checksum is corrupt",
          "[minisign][secret-key]") {
  auto open_error = [](const std::string& file) {
    auto parsed = ms::SecretKeyFile::parse(file);
    REQUIRE(parsed.has_value());
    auto key = parsed->open_unencrypted();
    REQUIRE_FALSE(key.has_value());
    return key.error();
  };
  const auto raw = decode(kat::kSecretKeyFile);
  for (std::size_t at : {62u, 93u, 94u, 125u}) {  // seed and public half
    auto damaged = raw;
    damaged[at] ^= 1;
    CHECK(open_error(encode_raw(kat::kSecretKeyFile, damaged)) == MinisignError::corrupt_secret_key);
  }
  // No checksum is accepted only in the -G -W shape (zero salt and limits).
  auto salted = raw;
  salted[6] = 1;
  CHECK(open_error(encode_raw(kat::kSecretKeyFile, salted)) == MinisignError::corrupt_secret_key);
  // A present checksum must match.
  auto wrong_chk = raw;
  wrong_chk[157] = 1;
  CHECK(open_error(encode_raw(kat::kSecretKeyFile, wrong_chk)) ==
        MinisignError::corrupt_secret_key);
}

TEST_CASE("secret key files with unknown algorithms or bad structure are refused",
          "[minisign][secret-key]") {
  auto parse_error = [](const std::string& file) {
    auto parsed = ms::SecretKeyFile::parse(file);
    REQUIRE_FALSE(parsed.has_value());
    return parsed.error();
  };
  const std::string file(kat::kSecretKeyFile);
  const auto raw = decode(file);
  for (std::size_t at : {0u, 1u, 2u, 3u, 4u, 5u}) {
    auto changed = raw;
    changed[at] ^= 0x20;
    CHECK(parse_error(encode_raw(file, changed)) == MinisignError::unsupported_algorithm);
  }
  CHECK(parse_error(file.substr(file.find('\n') + 1)) == MinisignError::malformed);
  CHECK(parse_error(file + "\n") == MinisignError::malformed);
  CHECK(parse_error("untrusted comment: x\n" + file.substr(file.find('\n') + 2)) ==
        MinisignError::malformed);
  CHECK(parse_error("") == MinisignError::malformed);
}

TEST_CASE("key and signature files are written atomically and read back",
          "[minisign][files]") {
  safehold::test::TempDir dir;
  const auto key = ms::SecretKey::generate();
  REQUIRE(ms::save_secret_key_file(dir / "k.key", key, pass("pw"), kCheap).has_value());
  REQUIRE(ms::save_public_key_file(dir / "k.pub", key.public_key()).has_value());
  struct stat st {};
  REQUIRE(::stat((dir / "k.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  auto loaded = ms::load_secret_key_file(dir / "k.key");
  REQUIRE(loaded.has_value());
  auto opened = loaded->decrypt(pass("pw"));
  REQUIRE(opened.has_value());
  auto pk = ms::load_public_key_file(dir / "k.pub");
  REQUIRE(pk.has_value());
  CHECK(*pk == key.public_key());

  safehold::test::write_file(dir / "data", safehold::test::pseudo_random_bytes(100'000));
  auto sig = ms::sign_file(*opened, dir / "data", "trusted");
  REQUIRE(sig.has_value());
  REQUIRE(ms::save_signature_file(dir / "data.minisig", *sig).has_value());
  auto tc = ms::verify_file(*pk, dir / "data.minisig", dir / "data");
  REQUIRE(tc.has_value());
  CHECK(*tc == "trusted");

  auto missing = ms::load_public_key_file(dir / "nope.pub");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error() == MinisignError::not_found);
  auto no_file = ms::verify_file(*pk, dir / "data.minisig", dir / "nope");
  REQUIRE_FALSE(no_file.has_value());
  CHECK(no_file.error() == MinisignError::not_found);
  safehold::test::write_file(dir / "big.minisig", std::vector<std::uint8_t>(20'000, 'A'));
  auto big = ms::load_signature_file(dir / "big.minisig");
  REQUIRE_FALSE(big.has_value());
  CHECK(big.error() == MinisignError::malformed);
}
