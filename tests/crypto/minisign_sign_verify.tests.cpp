// Signing and verification: known answers from minisign 0.11, streaming, and
// the exact error kind for every kind of damage.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <algorithm>
#include <string>
#include <vector>

#include "minisign_kat.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/minisign_secret_key.hpp"
#include "test_util.hpp"

namespace ms = safehold::crypto::minisign;
namespace kat = safehold::test::minisign_kat;
using ms::MinisignError;
using safehold::io::SpanSource;
using safehold::test::as_bytes;

namespace {

ms::SecretKey kat_secret_key() {
  auto file = ms::SecretKeyFile::parse(kat::kSecretKeyFile);
  REQUIRE(file.has_value());
  auto key = file->open_unencrypted();
  REQUIRE(key.has_value());
  return std::move(*key);
}

ms::PublicKey kat_public_key() { return ms::PublicKey::parse_file(kat::kPublicKeyFile).value(); }

safehold::expected<std::string, MinisignError> verify_bytes(const ms::PublicKey& pk,
                                                            std::string_view sig_text,
                                                            std::span<const std::uint8_t> file) {
  SpanSource src(file);
  return ms::verify(pk, sig_text, src);
}

MinisignError verify_error(const ms::PublicKey& pk, std::string_view sig_text,
                           std::span<const std::uint8_t> file) {
  auto r = verify_bytes(pk, sig_text, file);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

std::string sign_bytes(const ms::SecretKey& sk, std::span<const std::uint8_t> file,
                       std::string_view tc) {
  SpanSource src(file);
  auto sig = ms::sign(sk, src, tc);
  REQUIRE(sig.has_value());
  return sig->text();
}

std::string b64(std::span<const std::uint8_t> bin) {
  std::string out(sodium_base64_encoded_len(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bin.data(), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

std::vector<std::uint8_t> unb64(std::string_view text) {
  std::vector<std::uint8_t> out(text.size());
  std::size_t n = 0;
  REQUIRE(sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &n,
                            nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  out.resize(n);
  return out;
}

// Offsets of the four lines of an LF signature file.
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Yields its data in pieces of 1..4099 bytes, then fails if asked to.
class ChoppySource final : public safehold::io::ByteSource {
 public:
  ChoppySource(std::span<const std::uint8_t> data, bool fail_at_end)
      : data_(data), fail_(fail_at_end) {}
  safehold::expected<std::size_t, safehold::io::IoError> read(
      std::span<std::uint8_t> out) override {
    if (pos_ == data_.size() && fail_) return safehold::unexpected(safehold::io::IoError::read_failed);
    step_ = step_ * 7 % 4099 + 1;
    const std::size_t n = std::min({out.size(), data_.size() - pos_, step_});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(pos_), n, out.begin());
    pos_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  bool fail_;
  std::size_t pos_ = 0;
  std::size_t step_ = 1;
};

}  // namespace

TEST_CASE("signing minisign's known-answer message reproduces minisign's signature",
          "[minisign][kat]") {
  const auto sk = kat_secret_key();
  CHECK(sk.public_key() == kat_public_key());
  CHECK(sk.public_key().file_text() == kat::kPublicKeyFile);
  CHECK(sign_bytes(sk, as_bytes(kat::kMessage), kat::kTrustedComment) == kat::kSignature);
  auto tc = verify_bytes(kat_public_key(), kat::kSignature, as_bytes(kat::kMessage));
  REQUIRE(tc.has_value());
  CHECK(*tc == kat::kTrustedComment);
}

TEST_CASE("sign and verify round-trip, including an empty file and a multi-chunk stream",
          "[minisign][sign]") {
  const auto sk = ms::SecretKey::generate();
  const auto pk = sk.public_key();
  const std::string tc = "timestamp:1700000000\tfile:SHA256SUMS\tbundle:ünïcode";
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{700'001}}) {
    const auto data = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
    const std::string sig = sign_bytes(sk, data, tc);
    auto out = verify_bytes(pk, sig, data);
    REQUIRE(out.has_value());
    CHECK(*out == tc);
    ChoppySource choppy(data, false);
    auto parsed = ms::Signature::parse(sig);
    REQUIRE(parsed.has_value());
    auto again = ms::verify(pk, *parsed, choppy);
    CHECK(again.has_value());
  }
}

TEST_CASE("the prehash is BLAKE2b-512 however the stream is cut", "[minisign][sign]") {
  const auto data = safehold::test::pseudo_random_bytes(300'000, 9);
  ms::Prehash expected{};
  crypto_generichash(expected.data(), expected.size(), data.data(), data.size(), nullptr, 0);
  ChoppySource choppy(data, false);
  auto streamed = ms::prehash(choppy);
  REQUIRE(streamed.has_value());
  CHECK(*streamed == expected);
  ms::Prehasher sink;
  REQUIRE(sink.write(std::span(data).first(5)).has_value());
  REQUIRE(sink.write(std::span(data).subspan(5)).has_value());
  CHECK(sink.finish() == expected);

  const auto sk = ms::SecretKey::generate();
  auto sig = ms::sign_prehashed(sk, expected, "tc");
  REQUIRE(sig.has_value());
  auto tc = verify_bytes(sk.public_key(), sig->text(), data);
  REQUIRE(tc.has_value());
  CHECK(*tc == "tc");
}

TEST_CASE("read errors surface as io_failed", "[minisign][sign]") {
  const auto sk = ms::SecretKey::generate();
  const auto data = safehold::test::pseudo_random_bytes(10'000);
  ChoppySource failing(data, true);
  auto sig = ms::sign(sk, failing, "tc");
  REQUIRE_FALSE(sig.has_value());
  CHECK(sig.error() == MinisignError::io_failed);
  ChoppySource failing2(data, true);
  auto v = ms::verify(sk.public_key(), sign_bytes(sk, data, "tc"), failing2);
  REQUIRE_FALSE(v.has_value());
  CHECK(v.error() == MinisignError::io_failed);
}

TEST_CASE("comments to sign must be one line within minisign's limits", "[minisign][sign]") {
  const auto sk = ms::SecretKey::generate();
  const auto pk = sk.public_key();
  const std::string longest(ms::kMaxTrustedCommentBytes, 'x');
  auto ok = ms::sign_prehashed(sk, {}, longest, std::string(ms::kMaxUntrustedCommentBytes, 'u'));
  REQUIRE(ok.has_value());
  auto reparsed = ms::Signature::parse(ok->text());
  REQUIRE(reparsed.has_value());
  auto tc = ms::verify_prehashed(pk, *reparsed, {});
  REQUIRE(tc.has_value());
  CHECK(*tc == longest);
  CHECK(ms::sign_prehashed(sk, {}, "").has_value());
  for (const std::string& bad : {longest + "x", std::string("a\nb"), std::string("a\rb"),
                                 std::string("a\0b", 3), std::string("end\n")}) {
    auto r = ms::sign_prehashed(sk, {}, bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == MinisignError::invalid_comment);
    auto u = ms::sign_prehashed(sk, {}, "tc", bad);
    REQUIRE_FALSE(u.has_value());
    CHECK(u.error() == MinisignError::invalid_comment);
  }
  auto u = ms::sign_prehashed(sk, {}, "tc", std::string(ms::kMaxUntrustedCommentBytes + 1, 'u'));
  CHECK_FALSE(u.has_value());
}

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

TEST_CASE("another key's signature fails on the key id, or on the signature if ids collide",
          "[minisign][tamper]") {
  const auto a = ms::SecretKey::generate();
  const auto b = ms::SecretKey::generate();
  const auto data = safehold::test::pseudo_random_bytes(1000);
  const std::string sig = sign_bytes(a, data, "tc");
  CHECK(verify_error(b.public_key(), sig, data) == MinisignError::key_id_mismatch);
  const ms::PublicKey same_id_other_key(a.key_id(), b.public_key().bytes());
  CHECK(verify_error(same_id_other_key, sig, data) == MinisignError::bad_signature);
}

TEST_CASE("secret keys round-trip through their stored bytes and refuse inconsistent ones",
          "[minisign][keys]") {
  const auto sk = ms::SecretKey::generate();
  auto again = ms::SecretKey::from_bytes(sk.key_id(), sk.secret_bytes().span());
  REQUIRE(again.has_value());
  CHECK(again->public_key() == sk.public_key());
  auto damaged = sk.secret_bytes().clone();
  damaged.data()[40] ^= 1;  // public half
  auto bad = ms::SecretKey::from_bytes(sk.key_id(), damaged.span());
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error() == MinisignError::corrupt_secret_key);
  auto short_key = ms::SecretKey::from_bytes(sk.key_id(), sk.secret_bytes().span().first(32));
  REQUIRE_FALSE(short_key.has_value());
  CHECK(short_key.error() == MinisignError::corrupt_secret_key);
  CHECK(ms::SecretKey::generate().key_id() != sk.key_id());
}
