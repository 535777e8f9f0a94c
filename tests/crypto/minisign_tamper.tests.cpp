// Damage anywhere (signed file, signature file, public key) fails
// verification with the exact error kind.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "minisign_test_support.hpp"
#include "test_util.hpp"

using namespace safehold::test::minisign_support;
using safehold::test::as_bytes;

namespace {

// Offsets of the four lines of an LF signature file.
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

}  // namespace

TEST_CASE("a flipped bit anywhere in the signed file fails as bad_signature",
          "[minisign][tamper]") {
  const auto pk = kat_public_key();
  std::vector<std::uint8_t> file(kat::kMessage.begin(), kat::kMessage.end());
  for (std::size_t i = 0; i < file.size() * 8; ++i) {
    file[i / 8] ^= static_cast<std::uint8_t>(1u << (i % 8));
    CHECK(verify_error(pk, kat::kSignature, file) == MinisignError::bad_signature);
    file[i / 8] ^= static_cast<std::uint8_t>(1u << (i % 8));
  }
  file.push_back('\n');
  CHECK(verify_error(pk, kat::kSignature, file) == MinisignError::bad_signature);
  file.resize(file.size() - 2);
  CHECK(verify_error(pk, kat::kSignature, file) == MinisignError::bad_signature);
  CHECK(verify_error(pk, kat::kSignature, {}) == MinisignError::bad_signature);
}

TEST_CASE("a flipped bit in a multi-MB signed file fails at any chunk position",
          "[minisign][tamper]") {
  const auto sk = ms::SecretKey::generate();
  auto file = safehold::test::pseudo_random_bytes(3 * 1024 * 1024 + 5, 11);
  const std::string sig = sign_bytes(sk, file, "large");
  const std::size_t chunk = 64 * 1024;
  for (std::size_t at : {std::size_t{0}, chunk - 1, chunk, 2 * chunk + 1, file.size() / 2,
                         file.size() - chunk, file.size() - 1}) {
    CAPTURE(at);
    file[at] ^= 0x80;
    CHECK(verify_error(sk.public_key(), sig, file) == MinisignError::bad_signature);
    file[at] ^= 0x80;
  }
  CHECK(verify_bytes(sk.public_key(), sig, file).has_value());
}

TEST_CASE("a flipped bit in the decoded signature fails with the matching error",
          "[minisign][tamper]") {
  const auto pk = kat_public_key();
  const auto msg = as_bytes(kat::kMessage);
  const std::string text(kat::kSignature);
  const auto starts = line_starts(text);
  const std::string sig_line = text.substr(starts[1], starts[2] - starts[1] - 1);
  const std::string global_line = text.substr(starts[3], text.size() - starts[3] - 1);
  auto raw = unb64(sig_line);
  REQUIRE(raw.size() == 74);
  for (std::size_t bit = 0; bit < raw.size() * 8; ++bit) {
    const std::size_t byte = bit / 8;
    raw[byte] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    std::string forged = text;
    forged.replace(starts[1], sig_line.size(), b64(raw));
    MinisignError expected = MinisignError::bad_signature;
    if (byte < 2) {
      expected = raw[0] == 'E' && raw[1] == 'd' ? MinisignError::legacy_signature
                                                : MinisignError::unsupported_algorithm;
    } else if (byte < 10) {
      expected = MinisignError::key_id_mismatch;
    }
    CHECK(verify_error(pk, forged, msg) == expected);
    raw[byte] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  }
  auto global = unb64(global_line);
  REQUIRE(global.size() == 64);
  for (std::size_t bit = 0; bit < global.size() * 8; ++bit) {
    global[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    std::string forged = text;
    forged.replace(starts[3], global_line.size(), b64(global));
    CHECK(verify_error(pk, forged, msg) == MinisignError::bad_global_signature);
    global[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  }
}

TEST_CASE("a flipped bit anywhere in the signature file text never verifies",
          "[minisign][tamper]") {
  // Only the untrusted comment is, by design, unauthenticated: there a flip
  // either still verifies or breaks the file's structure.
  const auto pk = kat_public_key();
  const auto msg = as_bytes(kat::kMessage);
  std::string text(kat::kSignature);
  const auto starts = line_starts(text);
  const std::size_t untrusted_text_begin = std::string_view("untrusted comment: ").size();
  const std::size_t trusted_text_begin = starts[2] + std::string_view("trusted comment: ").size();
  const std::size_t trusted_text_end = starts[3] - 1;
  for (std::size_t bit = 0; bit < text.size() * 8; ++bit) {
    const std::size_t at = bit / 8;
    text[at] = static_cast<char>(text[at] ^ (1 << (bit % 8)));
    auto r = verify_bytes(pk, text, msg);
    // Does the flipped byte break its line? A CR just before the LF does not:
    // it turns the ending into CRLF and shortens the comment by one byte.
    const char c = text[at];
    const bool breaks_line = c == '\n' || c == '\0' || (c == '\r' && text[at + 1] != '\n');
    if (at >= untrusted_text_begin && at < starts[1] - 1) {
      CHECK(r.has_value() == !breaks_line);
      if (!r.has_value()) CHECK(r.error() == MinisignError::malformed);
    } else if (at >= trusted_text_begin && at < trusted_text_end) {
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error() == (breaks_line ? MinisignError::malformed
                                      : MinisignError::bad_global_signature));
    } else {
      CAPTURE(at, bit % 8, static_cast<int>(c));
      REQUIRE_FALSE(r.has_value());
    }
    text[at] = static_cast<char>(text[at] ^ (1 << (bit % 8)));
  }
}

TEST_CASE("a flipped bit in the public key fails with the matching error",
          "[minisign][tamper]") {
  const auto msg = as_bytes(kat::kMessage);
  auto raw = unb64(kat_public_key().key_line());
  REQUIRE(raw.size() == 42);
  for (std::size_t bit = 0; bit < raw.size() * 8; ++bit) {
    const std::size_t byte = bit / 8;
    raw[byte] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    auto pk = ms::PublicKey::parse_key_line(b64(raw));
    if (byte < 2) {
      REQUIRE_FALSE(pk.has_value());
      CHECK(pk.error() == MinisignError::unsupported_algorithm);
    } else {
      REQUIRE(pk.has_value());
      CHECK(verify_error(*pk, kat::kSignature, msg) == (byte < 10 ? MinisignError::key_id_mismatch
                                                                  : MinisignError::bad_signature));
    }
    raw[byte] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  }
}

