#include <catch2/catch_test_macros.hpp>

#include "age_test_util.hpp"

using namespace safehold::age;
using namespace safehold::age::test;

namespace {

Header sample_header() {
  Header h;
  h.stanzas.push_back(Stanza{"X25519", {"abc"}, Bytes(32, 7)});
  h.stanzas.push_back(Stanza{"grease", {}, {}});                   // empty body: one empty line
  h.stanzas.push_back(Stanza{"long", {"a", "b"}, Bytes(48, 1)});   // exactly one full line
  h.stanzas.push_back(Stanza{"longer", {"!#$%"}, Bytes(100, 2)});  // two full lines and a short one
  for (std::size_t i = 0; i < h.mac.size(); ++i) h.mac[i] = static_cast<std::uint8_t>(i);
  return h;
}

AgeError parse_error(std::string_view text, const HeaderLimits& limits = {}) {
  auto r = parse_header(safehold::test::as_bytes(text), limits);
  REQUIRE_FALSE(r.has_value());
  return r.error().code;
}

}  // namespace

TEST_CASE("age header: encode and parse are inverse", "[age][header]") {
  const Header h = sample_header();
  const std::string text = encode_header(h);
  CHECK(text.starts_with("age-encryption.org/v1\n-> X25519 abc\n"));
  CHECK(text.find("-> grease\n\n-> long a b\n") != std::string::npos);
  // 48 bytes make one full 64-column line, then the mandatory short (empty) line.
  std::string full_line;
  for (int i = 0; i < 16; ++i) full_line += "AQEB";
  CHECK(text.find("-> long a b\n" + full_line + "\n\n-> longer !#$%\n") != std::string::npos);
  Bytes with_payload = bytes_of(text);
  with_payload.insert(with_payload.end(), {1, 2, 3, 4});
  auto parsed = parse_header(with_payload);
  REQUIRE(parsed);
  CHECK(parsed->size == text.size());
  CHECK(parsed->header.stanzas == h.stanzas);
  CHECK(parsed->header.mac == h.mac);
  CHECK(encode_header(parsed->header) == text);
}

TEST_CASE("age header: the MAC covers every byte up to ---", "[age][header]") {
  const Bytes key(kFileKeySize, 9);
  Header h = sample_header();
  h.mac = header_mac(key, h);
  CHECK(verify_header_mac(key, h));
  CHECK_FALSE(verify_header_mac(Bytes(kFileKeySize, 8), h));
  Header changed = h;
  changed.stanzas[1].args.push_back("x");
  CHECK_FALSE(verify_header_mac(key, changed));
  changed = h;
  changed.stanzas[2].body[47] ^= 1;
  CHECK_FALSE(verify_header_mac(key, changed));
}

TEST_CASE("age header: strictness beyond the vectors", "[age][header]") {
  const std::string good = encode_header(sample_header());
  CHECK(parse_header(safehold::test::as_bytes(good)).has_value());
  CHECK(parse_error(good.substr(0, good.size() - 1)) == AgeError::header_failure);  // no final LF
  CHECK(parse_error("age-encryption.org/v1\n--- " + std::string(43, 'A') + "\n") ==
        AgeError::header_failure);  // no stanza
  CHECK(parse_error("age-encryption.org/v1\n-> a\n\n--- " + std::string(42, 'A') + "B\n") ==
        AgeError::header_failure);  // MAC not canonical
  CHECK(parse_error("age-encryption.org/v1\n-> a \n\n--- " + std::string(43, 'A') + "\n") ==
        AgeError::header_failure);  // trailing space after the arguments
  CHECK(parse_error("age-encryption.org/v1\n-> a\tb\n\n--- " + std::string(43, 'A') + "\n") ==
        AgeError::header_failure);  // a tab is not VCHAR
  CHECK(parse_error("") == AgeError::header_failure);
  CHECK(parse_error("\x89PNG\r\n") == AgeError::header_failure);
}

TEST_CASE("age header: size and stanza-count limits", "[age][header]") {
  Header h;
  for (int i = 0; i < 10; ++i) h.stanzas.push_back(Stanza{"s", {}, {}});
  const std::string text = encode_header(h);
  CHECK(parse_header(safehold::test::as_bytes(text), HeaderLimits{text.size(), 10}).has_value());
  CHECK(parse_error(text, HeaderLimits{text.size(), 9}) == AgeError::header_failure);
  CHECK(parse_error(text, HeaderLimits{text.size() - 1, 10}) == AgeError::header_failure);
  // The default bound holds against an endless stanza body.
  std::string endless = "age-encryption.org/v1\n-> a\n";
  while (endless.size() < 300 * 1024) endless += std::string(64, 'A') + "\n";
  CHECK(parse_error(endless) == AgeError::header_failure);
}

TEST_CASE("age header: encoding refuses what it could not parse back", "[age][header]") {
  CHECK_THROWS(encode_header(Header{}));
  Header h;
  h.stanzas.push_back(Stanza{"two words", {}, {}});
  CHECK_THROWS(encode_header(h));
  h.stanzas[0] = Stanza{"ok", {""}, {}};
  CHECK_THROWS(encode_header(h));
}
