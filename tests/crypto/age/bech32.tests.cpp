#include <catch2/catch_test_macros.hpp>

#include "age_test_util.hpp"
#include "safehold/crypto/age/bech32.hpp"

using namespace safehold::age;
using safehold::age::test::Bytes;

namespace {

// Independent BIP 173 checksum, to build strings with bad padding but a valid checksum.
std::string with_checksum(const std::string& hrp, const std::vector<int>& groups) {
  auto step = [](std::uint32_t c, std::uint32_t v) {
    const std::uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    const std::uint32_t top = c >> 25;
    c = ((c & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; ++i) c ^= ((top >> i) & 1) ? gen[i] : 0;
    return c;
  };
  std::uint32_t c = 1;
  for (char ch : hrp) c = step(c, static_cast<std::uint32_t>(ch) >> 5);
  c = step(c, 0);
  for (char ch : hrp) c = step(c, static_cast<std::uint32_t>(ch) & 31);
  for (int g : groups) c = step(c, static_cast<std::uint32_t>(g));
  for (int i = 0; i < 6; ++i) c = step(c, 0);
  c ^= 1;
  static const char* cs = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  std::string out = hrp + "1";
  for (int g : groups) out += cs[g];
  for (int i = 0; i < 6; ++i) out += cs[(c >> (5 * (5 - i))) & 31];
  return out;
}

}  // namespace

TEST_CASE("bech32: BIP 173 valid strings decode", "[age][bech32]") {
  struct Case {
    std::string text, hrp;
  };
  const Case cases[] = {
      {"A12UEL5L", "A"},
      {"a12uel5l", "a"},
      {"an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
       "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio"},
      {"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef"},
      {"11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
       "1"},
      {"split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "split"},
      {"?1ezyfcl", "?"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    Bytes out(64);
    CHECK(bech32::decode(c.text, c.hrp, out).has_value());
  }
  Bytes out(64);
  auto n = bech32::decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef", out);
  REQUIRE(n);
  CHECK(*n == 20);  // the 32 characters of the charset, in order: 160 bits
}

TEST_CASE("bech32: invalid strings are refused", "[age][bech32]") {
  Bytes out(64);
  const std::pair<std::string, std::string> cases[] = {
      {"A1G7SGD8", "A"},            // bad checksum
      {"10a06t8", ""},              // empty HRP
      {"1qzzfhee", ""},             // empty HRP
      {"x1b4n0q5v", "x"},           // 'b' is not in the charset
      {"li1dgmt3", "li"},           // checksum too short
      {"pzry9x0s0muk", "pzry9x0s0muk"},  // no separator
      {"A12uEL5L", "A"},            // mixed case
      {"a12uel5l", "A"},            // HRP compared with its case
      {std::string("de1lg7wt") + '\xff', "de"},
      {"a12uel5l ", "a"},
  };
  for (const auto& [text, hrp] : cases) {
    INFO(text);
    auto r = bech32::decode(text, hrp, out);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == AgeError::invalid_key);
  }
}

TEST_CASE("bech32: padding must be short and zero", "[age][bech32]") {
  Bytes out(64);
  CHECK(bech32::decode(with_checksum("x", {0, 0}), "x", out).has_value());   // 10 bits: 1 byte + 2 zero bits
  CHECK_FALSE(bech32::decode(with_checksum("x", {0, 1}), "x", out).has_value());  // non-zero padding
  CHECK_FALSE(bech32::decode(with_checksum("x", {0}), "x", out).has_value());     // 5 bits of padding
}

TEST_CASE("bech32: encode and decode round-trip, every typo is caught", "[age][bech32]") {
  for (std::size_t size : {0u, 1u, 5u, 31u, 32u, 33u, 100u}) {
    const Bytes data = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
    const std::string text = bech32::encode("age", data);
    Bytes out(size + 1);
    auto n = bech32::decode(text, "age", out);
    REQUIRE(n);
    CHECK(Bytes(out.begin(), out.begin() + static_cast<long>(*n)) == data);
    for (std::size_t i = 4; i < text.size(); ++i) {
      std::string bad = text;
      bad[i] = bad[i] == 'q' ? 'p' : 'q';
      CHECK_FALSE(bech32::decode(bad, "age", out).has_value());
    }
  }
  CHECK(bech32::encode("AGE-SECRET-KEY-", Bytes(32, 0)).starts_with("AGE-SECRET-KEY-1QQQ"));
  CHECK_THROWS(bech32::encode("Age", Bytes(1, 0)));
  CHECK_THROWS(bech32::encode("", Bytes(1, 0)));
}
