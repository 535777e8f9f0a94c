// Strict parsing and exact formatting of minisign public keys and signature
// files, against text that minisign 0.11 produced (minisign_kat.hpp).
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "minisign_kat.hpp"
#include "safehold/crypto/minisign.hpp"

namespace ms = safehold::crypto::minisign;
namespace kat = safehold::test::minisign_kat;
using ms::MinisignError;

namespace {

std::string crlf(std::string_view lf_text) {
  std::string out;
  for (char c : lf_text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The text with line `index` (0-based, without its LF) replaced.
std::string with_line(std::string_view text, std::size_t index, std::string_view line) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; start < text.size(); ++i) {
    const std::size_t lf = text.find('\n', start);
    out += i == index ? std::string(line) : std::string(text.substr(start, lf - start));
    out += '\n';
    start = lf + 1;
  }
  return out;
}

std::string line_of(std::string_view text, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) start = text.find('\n', start) + 1;
  return std::string(text.substr(start, text.find('\n', start) - start));
}

MinisignError pk_error(std::string_view text) {
  auto r = ms::PublicKey::parse_file(text);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

MinisignError sig_error(std::string_view text) {
  auto r = ms::Signature::parse(text);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

TEST_CASE("a public key file from minisign parses and formats back byte for byte",
          "[minisign][format]") {
  auto pk = ms::PublicKey::parse_file(kat::kPublicKeyFile);
  REQUIRE(pk.has_value());
  CHECK(ms::key_id_hex(pk->key_id()) == kat::kKeyIdHex);
  CHECK(pk->file_text() == kat::kPublicKeyFile);
  CHECK(pk->key_line() == line_of(kat::kPublicKeyFile, 1));
  auto from_line = ms::PublicKey::parse_key_line(line_of(kat::kPublicKeyFile, 1));
  REQUIRE(from_line.has_value());
  CHECK(*from_line == *pk);
}

TEST_CASE("public key files accept LF or CRLF and an unterminated last line only",
          "[minisign][format]") {
  const std::string text(kat::kPublicKeyFile);
  CHECK(ms::PublicKey::parse_file(crlf(text)).has_value());
  CHECK(ms::PublicKey::parse_file(text.substr(0, text.size() - 1)).has_value());
  CHECK(pk_error(text + "\n") == MinisignError::malformed);
  CHECK(pk_error(text + "x") == MinisignError::malformed);
  CHECK(pk_error(text.substr(0, text.find('\n'))) == MinisignError::malformed);
  CHECK(pk_error("") == MinisignError::malformed);
  // A lone CR or a NUL would make minisign cut the line: refused.
  CHECK(pk_error(with_line(text, 0, "untrusted comment: a\rb")) == MinisignError::malformed);
  CHECK(pk_error(with_line(text, 0, std::string("untrusted comment: a\0b", 22))) ==
        MinisignError::malformed);
  CHECK(pk_error(with_line(text, 0, "trusted comment: x")) == MinisignError::malformed);
  CHECK(pk_error(with_line(text, 1, line_of(text, 1) + " ")) == MinisignError::malformed);
}

TEST_CASE("comment lines are limited to minisign's 1024-byte line buffer",
          "[minisign][format]") {
  const std::string prefix = "untrusted comment: ";
  const std::string ok = prefix + std::string(1023 - prefix.size() - 1, 'c');  // + LF = 1023
  CHECK(ms::PublicKey::parse_file(with_line(kat::kPublicKeyFile, 0, ok)).has_value());
  CHECK(pk_error(with_line(kat::kPublicKeyFile, 0, ok + "c")) == MinisignError::malformed);
  CHECK(pk_error(crlf(with_line(kat::kPublicKeyFile, 0, ok))) == MinisignError::malformed);

  CHECK(ms::Signature::parse(with_line(kat::kSignature, 0, ok)).has_value());
  CHECK(sig_error(with_line(kat::kSignature, 0, ok + "c")) == MinisignError::malformed);
}

TEST_CASE("key lines must be exact canonical base64 of an Ed key", "[minisign][format]") {
  const std::string line = line_of(kat::kPublicKeyFile, 1);
  auto bad = [](std::string_view l) {
    auto r = ms::PublicKey::parse_key_line(l);
    REQUIRE_FALSE(r.has_value());
    return r.error();
  };
  CHECK(bad(line.substr(1)) == MinisignError::malformed);
  CHECK(bad(line + "AAAA") == MinisignError::malformed);
  CHECK(bad(line + "\n") == MinisignError::malformed);
  CHECK(bad(" " + line.substr(1)) == MinisignError::malformed);
  std::string url_safe = line;
  url_safe[line.find('/')] = '_';
  CHECK(bad(url_safe) == MinisignError::malformed);
  // "RWQ" encodes "Ed": "RUQ" is "ED", a signature algorithm, not a key's.
  CHECK(bad("RUQ" + line.substr(3)) == MinisignError::unsupported_algorithm);
}

TEST_CASE("regression: bytes >= 0x80 are not base64 aliases (libsodium 1.0.18 accepts them)",
          "[minisign][format]") {
  // sodium_base642bin decodes e.g. 0xAF like '/', which would give every key,
  // signature and secret key file many encodings.
  const std::string line = line_of(kat::kPublicKeyFile, 1);
  for (std::size_t at : {std::size_t{0}, std::size_t{20}, line.size() - 1}) {
    std::string aliased = line;
    aliased[at] = static_cast<char>(aliased[at] | 0x80);
    auto r = ms::PublicKey::parse_key_line(aliased);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == MinisignError::malformed);
  }
  std::string global = line_of(kat::kSignature, 3);
  global[48] = static_cast<char>(global[48] | 0x80);
  CHECK(sig_error(with_line(kat::kSignature, 3, global)) == MinisignError::malformed);
}

TEST_CASE("a signature file from minisign parses and formats back byte for byte",
          "[minisign][format]") {
  auto sig = ms::Signature::parse(kat::kSignature);
  REQUIRE(sig.has_value());
  CHECK(ms::key_id_hex(sig->key_id()) == kat::kKeyIdHex);
  CHECK(sig->untrusted_comment() == "signature from minisign secret key");
  CHECK(sig->text() == kat::kSignature);

  auto from_crlf = ms::Signature::parse(crlf(kat::kSignature));
  REQUIRE(from_crlf.has_value());
  CHECK(from_crlf->text() == kat::kSignature);
  const std::string text(kat::kSignature);
  CHECK(ms::Signature::parse(text.substr(0, text.size() - 1)).has_value());
}

TEST_CASE("signature files are refused when their structure is off", "[minisign][format]") {
  const std::string text(kat::kSignature);
  CHECK(sig_error(text + "\n") == MinisignError::malformed);
  CHECK(sig_error(text + text) == MinisignError::malformed);
  CHECK(sig_error(text.substr(0, text.rfind('\n', text.size() - 2) + 1)) ==
        MinisignError::malformed);
  CHECK(sig_error(with_line(text, 0, "untrusted comment:x")) == MinisignError::malformed);
  CHECK(sig_error(with_line(text, 2, "trusted comment:" + line_of(text, 2).substr(17))) ==
        MinisignError::malformed);
  CHECK(sig_error(with_line(text, 2, "untrusted comment: x")) == MinisignError::malformed);
  CHECK(sig_error(with_line(text, 1, line_of(text, 1) + "=")) == MinisignError::malformed);
  CHECK(sig_error(with_line(text, 3, line_of(text, 3).substr(0, 86))) ==
        MinisignError::malformed);
  // The global signature ends "Cw==": "Cx==" decodes to the same bytes with
  // non-zero padding bits, a second encoding we refuse.
  std::string global = line_of(text, 3);
  REQUIRE(global.ends_with("Cw=="));
  global[global.size() - 3] = 'x';
  CHECK(sig_error(with_line(text, 3, global)) == MinisignError::malformed);
}

TEST_CASE("legacy and unknown signature algorithms are refused distinctly",
          "[minisign][format]") {
  CHECK(sig_error(kat::kLegacySignature) == MinisignError::legacy_signature);
  const std::string sig_line = line_of(kat::kSignature, 1);  // "RUQ…" = "ED…"
  CHECK(sig_error(with_line(kat::kSignature, 1, "RVQ" + sig_line.substr(3))) ==
        MinisignError::unsupported_algorithm);
}

TEST_CASE("trusted comment lines are limited to minisign's 8192-byte buffer",
          "[minisign][format]") {
  const std::string at_limit = "trusted comment: " + std::string(ms::kMaxTrustedCommentBytes, 't');
  CHECK(ms::Signature::parse(with_line(kat::kSignature, 2, at_limit)).has_value());
  CHECK(sig_error(with_line(kat::kSignature, 2, at_limit + "t")) == MinisignError::malformed);
  CHECK(sig_error(crlf(with_line(kat::kSignature, 2, at_limit))) == MinisignError::malformed);
}

TEST_CASE("key ids print as minisign prints them", "[minisign][format]") {
  CHECK(ms::key_id_hex({0x1f, 0xd0, 0xaa, 0xd2, 0xb3, 0xb6, 0x63, 0x56}) == "5663B6B3D2AAD01F");
  CHECK(ms::key_id_hex({}) == "0000000000000000");
  // minisign 0.11 writes the public key comment with "%" PRIX64 (found when
  // a key id starting with 0x0… made the interop test differ).
  const ms::PublicKey pk({0xe0, 0xdb, 0x5a, 0x19, 0x8e, 0xfb, 0x2a, 0x0e}, {});
  CHECK(pk.file_text().starts_with("untrusted comment: minisign public key E2AFB8E195ADBE0\n"));
  CHECK(ms::PublicKey({}, {}).file_text().starts_with("untrusted comment: minisign public key 0\n"));
}
