// Signing and verification: known answers from minisign 0.11, streaming,
// comment rules, key consistency.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <algorithm>
#include <string>
#include <vector>

#include "minisign_test_support.hpp"
#include "test_util.hpp"

using namespace safehold::test::minisign_support;
using safehold::test::as_bytes;

namespace {

// Yields its data in pieces of 1..4099 bytes, then fails if asked to.
class ChoppySource final : public safehold::base::ByteSource {
 public:
  ChoppySource(std::span<const std::uint8_t> data, bool fail_at_end)
      : data_(data), fail_(fail_at_end) {}
  safehold::expected<std::size_t, safehold::base::IoError> read(
      std::span<std::uint8_t> out) override {
    if (pos_ == data_.size() && fail_) {
      return safehold::unexpected(safehold::base::IoError::read_failed);
    }
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
