// vault.key: strict parsing, and the wrapping of the master key under a
// passphrase-derived key with the header bound as associated data.
#include <catch2/catch_test_macros.hpp>

#include "safehold/storage/key_file.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using safehold::test::pass;

namespace {

KeyFile sample_key_file(const crypto::SecretBuffer& master, std::string_view passphrase) {
  std::array<std::uint8_t, kVaultIdSize> id{};
  crypto::fill_random(id);
  auto k = wrap_master_key(master, pass(passphrase), KdfParams::insecure_for_tests(), id);
  REQUIRE(k);
  return *k;
}

}  // namespace

TEST_CASE("key file: serialize then parse gives the same fields", "[key_file]") {
  const auto master = crypto::SecretBuffer::random(32);
  const KeyFile k = sample_key_file(master, "pw");
  const auto bytes = serialize_key_file(k);
  REQUIRE(bytes.size() == kKeyFileSize);
  auto p = parse_key_file(bytes);
  REQUIRE(p);
  CHECK(p->vault_id == k.vault_id);
  CHECK(p->salt == k.salt);
  CHECK(p->kdf == k.kdf);
  CHECK(p->nonce == k.nonce);
  CHECK(p->wrapped_master_key == k.wrapped_master_key);
  CHECK(serialize_key_file(*p) == bytes);
  CHECK(std::string(bytes.begin(), bytes.begin() + 8) == std::string("SHVAULT\x1a", 8));
}

TEST_CASE("key file: the parser accepts exactly one encoding", "[key_file]") {
  const auto master = crypto::SecretBuffer::random(32);
  const auto good = serialize_key_file(sample_key_file(master, "pw"));
  std::vector<std::uint8_t> b(good.begin(), good.end());

  auto parse_changed = [&](std::size_t offset, std::uint8_t value) {
    auto c = b;
    c[offset] = value;
    return parse_key_file(c);
  };
  auto set_be64 = [&](std::size_t offset, std::uint64_t v) {
    auto c = b;
    for (int i = 7; i >= 0; --i, v >>= 8) c[offset + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v);
    return parse_key_file(c);
  };

  CHECK(parse_key_file(std::span(b).first(131)).error() == KeyFileError::wrong_size);
  CHECK(parse_key_file({}).error() == KeyFileError::wrong_size);
  auto longer = b;
  longer.push_back(0);
  CHECK(parse_key_file(longer).error() == KeyFileError::wrong_size);
  CHECK(parse_changed(0, 'X').error() == KeyFileError::bad_magic);
  CHECK(parse_changed(7, 0).error() == KeyFileError::bad_magic);
  CHECK(parse_changed(9, 2).error() == KeyFileError::unsupported_version);
  CHECK(parse_changed(8, 1).error() == KeyFileError::unsupported_version);
  CHECK(parse_changed(10, 2).error() == KeyFileError::unsupported_algorithm);
  CHECK(parse_changed(11, 1).error() == KeyFileError::nonzero_reserved);
  CHECK(set_be64(44, 0).error() == KeyFileError::kdf_params_out_of_range);
  CHECK(set_be64(44, kMaxKdfOpslimit + 1).error() == KeyFileError::kdf_params_out_of_range);
  CHECK(set_be64(52, 8191).error() == KeyFileError::kdf_params_out_of_range);
  CHECK(set_be64(52, kMaxKdfMemlimit + 1).error() == KeyFileError::kdf_params_out_of_range);
  CHECK(set_be64(52, ~0ULL).error() == KeyFileError::kdf_params_out_of_range);
  CHECK(set_be64(44, kMaxKdfOpslimit).has_value());
  CHECK(set_be64(52, kMaxKdfMemlimit).has_value());
}

TEST_CASE("key file: the right passphrase unwraps the master key, a wrong one does not", "[key_file]") {
  const auto master = crypto::SecretBuffer::random(32);
  const KeyFile k = sample_key_file(master, "correct horse");
  auto ok = unwrap_master_key(k, pass("correct horse"));
  REQUIRE(ok);
  CHECK(crypto::equal_constant_time(ok->span(), master.span()));
  CHECK(unwrap_master_key(k, pass("correct horsf")).error().code == VaultError::wrong_passphrase);
  CHECK(unwrap_master_key(k, pass("")).error().code == VaultError::wrong_passphrase);
}

TEST_CASE("key file: every header and ciphertext byte is authenticated", "[key_file]") {
  const auto master = crypto::SecretBuffer::random(32);
  const auto good = serialize_key_file(sample_key_file(master, "pw"));
  // Flip one bit in each field that parses either way: vault id, salt, nonce,
  // wrapped key. (The KDF parameters change the derived key anyway.)
  for (std::size_t offset : {12u, 27u, 28u, 43u, 60u, 83u, 84u, 131u}) {
    auto c = good;
    c[offset] ^= 0x01;
    auto k = parse_key_file(c);
    REQUIRE(k);
    INFO("offset " << offset);
    CHECK(unwrap_master_key(*k, pass("pw")).error().code == VaultError::wrong_passphrase);
  }
}

TEST_CASE("key file: KDF presets", "[key_file]") {
  CHECK(KdfParams::interactive() == KdfParams{3, 256ULL << 20});
  CHECK(KdfParams::strong() == KdfParams{4, 1ULL << 30});
  CHECK(KdfParams::interactive().acceptable());
  CHECK(KdfParams::strong().acceptable());
  CHECK(KdfParams::insecure_for_tests().acceptable());
  CHECK_FALSE((KdfParams{0, 8192}).acceptable());
  CHECK_FALSE((KdfParams{1, 4096}).acceptable());
  std::array<std::uint8_t, kVaultIdSize> id{};
  auto bad = wrap_master_key(crypto::SecretBuffer::random(32), pass("pw"), KdfParams{1, 1024}, id);
  CHECK(bad.error().code == VaultError::kdf_params_invalid);
}
