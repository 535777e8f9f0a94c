#include <catch2/catch_test_macros.hpp>

#include "safehold/crypto/hkdf.hpp"
#include "test_util.hpp"

using safehold::test::from_hex;
using safehold::test::to_hex;

namespace {
struct Kat {
  const char* name;
  const char* ikm;
  const char* salt;
  const char* info;
  std::size_t length;
  const char* okm;
};
// RFC 5869, Appendix A, test cases 1-3 (SHA-256).
constexpr Kat kRfc5869[] = {
    {"A.1 basic", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
     "f0f1f2f3f4f5f6f7f8f9", 42,
     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
    {"A.2 long inputs",
     "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d"
     "2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
     "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d"
     "8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
     "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdd"
     "dedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
     82,
     "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e59"
     "0e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"},
    {"A.3 empty salt and info", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
     "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"},
};
}  // namespace

TEST_CASE("HKDF-SHA-256 matches RFC 5869 known answers", "[crypto][hkdf]") {
  for (const auto& k : kRfc5869) {
    INFO(k.name);
    auto okm = safehold::crypto::hkdf_sha256(from_hex(k.ikm), from_hex(k.salt), from_hex(k.info),
                                             k.length);
    REQUIRE(to_hex(okm.span()) == k.okm);
  }
}

TEST_CASE("HKDF-SHA-256 rejects impossible lengths", "[crypto][hkdf]") {
  std::uint8_t ikm[1] = {1};
  REQUIRE_THROWS(safehold::crypto::hkdf_sha256(ikm, {}, "x", 0));
  REQUIRE_THROWS(safehold::crypto::hkdf_sha256(ikm, {}, "x", 255 * 32 + 1));
  REQUIRE(safehold::crypto::hkdf_sha256(ikm, {}, "x", 255 * 32).size() == 255 * 32);
}
