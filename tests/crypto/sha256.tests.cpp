#include "safehold/crypto/sha256.hpp"

#include <sodium.h>

#include <catch2/catch_test_macros.hpp>

#include "safehold/crypto/detail/sha256_blocks.hpp"
#include "test_util.hpp"

using namespace safehold::crypto;
namespace detail = safehold::crypto::detail;

namespace {

Sha256Digest libsodium_sha256(std::span<const std::uint8_t> m) {
  Sha256Digest out{};
  crypto_hash_sha256(out.data(), m.data(), m.size());
  return out;
}

// SHA-256 of `m` through one block function, with the padding done here.
Sha256Digest through(detail::Sha256BlocksFn blocks, std::span<const std::uint8_t> m) {
  std::vector<std::uint8_t> padded(m.begin(), m.end());
  padded.push_back(0x80);
  while (padded.size() % 64 != 56) padded.push_back(0);
  const std::uint64_t bits = m.size() * 8;
  for (int i = 7; i >= 0; --i) padded.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  detail::Sha256State state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  blocks(state, padded.data(), padded.size() / 64);
  Sha256Digest out{};
  for (std::size_t i = 0; i < 32; ++i)
    out[i] = static_cast<std::uint8_t>(state[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

void check_block_function(detail::Sha256BlocksFn blocks) {
  for (std::size_t len = 0; len < 300; ++len) {
    const auto m = safehold::test::pseudo_random_bytes(len, static_cast<std::uint32_t>(len));
    INFO(len);
    REQUIRE(through(blocks, m) == libsodium_sha256(m));
  }
  const auto big = safehold::test::pseudo_random_bytes(1 << 20, 99);
  CHECK(through(blocks, big) == libsodium_sha256(big));
}

}  // namespace

TEST_CASE("sha256: FIPS 180-4 examples", "[crypto][sha256]") {
  CHECK(to_hex(sha256_of("")) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(to_hex(sha256_of("abc")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(to_hex(sha256_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 million;
  const std::string a1000(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.update(a1000);
  CHECK(to_hex(million.finish()) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the portable compression agrees with libsodium", "[crypto][sha256]") {
  check_block_function(&detail::sha256_blocks_portable);
}

TEST_CASE("sha256: the SHA-extensions compression agrees with libsodium", "[crypto][sha256]") {
  if (!detail::sha256_has_sha_extensions()) SKIP("this CPU has no SHA extensions");
  check_block_function(&detail::sha256_blocks_sha_ni);
  CHECK(detail::sha256_blocks() == &detail::sha256_blocks_sha_ni);
}

TEST_CASE("sha256: streaming in any split gives the one-shot digest", "[crypto][sha256]") {
  const auto data = safehold::test::pseudo_random_bytes(5000, 3);
  const auto expected = libsodium_sha256(data);
  CHECK(sha256_of(data) == expected);
  for (const std::size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 128u, 4999u}) {
    INFO(piece);
    Sha256 h;
    std::span<const std::uint8_t> rest(data);
    while (!rest.empty()) {
      const std::size_t n = std::min(piece, rest.size());
      h.update(rest.first(n));
      h.update(std::span<const std::uint8_t>{});
      rest = rest.subspan(n);
    }
    CHECK(h.finish() == expected);
  }
}

TEST_CASE("sha256: hex is lowercase and parsed strictly", "[crypto][sha256]") {
  const auto d = sha256_of("abc");
  CHECK(parse_sha256_hex(to_hex(d)) == d);
  std::string upper = to_hex(d);
  upper[0] = 'B';
  CHECK_FALSE(parse_sha256_hex(upper));
  CHECK_FALSE(parse_sha256_hex(to_hex(d).substr(1)));
  CHECK_FALSE(parse_sha256_hex(to_hex(d) + "0"));
  CHECK_FALSE(parse_sha256_hex(std::string(63, '0') + "g"));
  CHECK(digests_equal(d, sha256_of("abc")));
  CHECK_FALSE(digests_equal(d, sha256_of("abd")));
}
