#include <catch2/catch_test_macros.hpp>

#include <cctype>

#include "age_test_util.hpp"
#include "safehold/crypto/age/bech32.hpp"

using namespace safehold::age;
using namespace safehold::age::test;
using safehold::crypto::SecretBuffer;

// The example key pair of the age specification (C2SP age.md).
constexpr std::string_view kSpecIdentity =
    "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
constexpr std::string_view kSpecRecipient =
    "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

TEST_CASE("age keys: the specification's example pair", "[age][keys]") {
  auto id = X25519Identity::parse(kSpecIdentity);
  REQUIRE(id);
  CHECK(id->recipient().encode() == kSpecRecipient);
  CHECK(id->encode().view() == kSpecIdentity);
  auto r = X25519Recipient::parse(kSpecRecipient);
  REQUIRE(r);
  CHECK(*r == id->recipient());
}

TEST_CASE("age keys: generated identities round-trip", "[age][keys]") {
  const X25519Identity id = X25519Identity::generate();
  const SecretBuffer text = id.encode();
  CHECK(text.size() == 74);
  CHECK(text.view().starts_with("AGE-SECRET-KEY-1"));
  auto back = X25519Identity::parse(text.view());
  REQUIRE(back);
  CHECK(back->recipient() == id.recipient());
  const std::string r = id.recipient().encode();
  CHECK(r.size() == 62);
  CHECK(r.starts_with("age1"));
  CHECK(X25519Identity::generate().recipient() != id.recipient());
  CHECK(id.clone().recipient() == id.recipient());
}

TEST_CASE("age keys: malformed keys are refused", "[age][keys]") {
  const std::string lower_id = [] {
    std::string s(kSpecIdentity);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }();
  std::string upper_r(kSpecRecipient);
  for (char& c : upper_r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string typo(kSpecRecipient);
  typo[10] = typo[10] == 'q' ? 'p' : 'q';

  CHECK_FALSE(X25519Identity::parse(lower_id));
  CHECK_FALSE(X25519Identity::parse(kSpecRecipient));
  CHECK_FALSE(X25519Identity::parse(kSpecIdentity.substr(0, 73)));
  CHECK_FALSE(X25519Identity::parse(std::string(kSpecIdentity) + "\n"));
  CHECK_FALSE(X25519Recipient::parse(upper_r));
  CHECK_FALSE(X25519Recipient::parse(typo));
  CHECK_FALSE(X25519Recipient::parse(kSpecIdentity));
  // A valid Bech32 string of the wrong length, and a post-quantum recipient type.
  CHECK_FALSE(X25519Recipient::parse(safehold::age::bech32::encode("age", Bytes(31, 1))));
  CHECK_FALSE(X25519Recipient::parse(safehold::age::bech32::encode("age1pq", Bytes(32, 1))));
  auto e = X25519Recipient::parse("");
  REQUIRE_FALSE(e);
  CHECK(e.error().code == AgeError::invalid_key);
}

TEST_CASE("age keys: identity files as age-keygen writes them", "[age][keys]") {
  const X25519Identity a = X25519Identity::generate(), b = X25519Identity::generate();
  std::string file = "# created: 2025-01-01T00:00:00Z\r\n# public key: " + a.recipient().encode() +
                     "\r\n" + std::string(a.encode().view()) + "\r\n\n" +
                     std::string(b.encode().view());
  auto ids = parse_identity_file(file);
  REQUIRE(ids);
  REQUIRE(ids->size() == 2);
  CHECK((*ids)[0].recipient() == a.recipient());
  CHECK((*ids)[1].recipient() == b.recipient());

  CHECK_FALSE(parse_identity_file(""));
  CHECK_FALSE(parse_identity_file("# only a comment\n"));
  CHECK_FALSE(parse_identity_file(file + "\n AGE-SECRET-KEY-1\n"));
  CHECK_FALSE(parse_identity_file(
      "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR\n"));
  CHECK_FALSE(parse_identity_file("AGE-PLUGIN-YUBIKEY-1QQQQQQ\n"));
}

TEST_CASE("age keys: X25519 wrap and unwrap", "[age][keys]") {
  const X25519Identity id = X25519Identity::generate();
  const SecretBuffer file_key = SecretBuffer::random(kFileKeySize);
  auto st = id.recipient().wrap(file_key.span());
  REQUIRE(st);
  CHECK(st->type == "X25519");
  REQUIRE(st->args.size() == 1);
  CHECK(st->args[0].size() == 43);
  CHECK(st->body.size() == 32);
  auto again = id.recipient().wrap(file_key.span());
  REQUIRE(again);
  CHECK(again->args != st->args);  // fresh ephemeral share every time

  auto got = id.unwrap(*st);
  REQUIRE(got);
  REQUIRE(got->has_value());
  CHECK(safehold::crypto::equal_constant_time((*got)->span(), file_key.span()));

  auto other = X25519Identity::generate().unwrap(*st);
  REQUIRE(other);
  CHECK_FALSE(other->has_value());

  Stanza foreign = *st;
  foreign.type = "x25519";
  auto ignored = id.unwrap(foreign);
  REQUIRE(ignored);
  CHECK_FALSE(ignored->has_value());

  Stanza long_body = *st;
  long_body.body.push_back(0);
  auto bad = id.unwrap(long_body);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == AgeError::header_failure);

  // A low-order recipient (here the all-zero point) cannot be encrypted to.
  const std::array<std::uint8_t, 32> zero{};
  auto low = X25519Recipient(zero).wrap(file_key.span());
  REQUIRE_FALSE(low);
  CHECK(low.error().code == AgeError::invalid_key);
}

TEST_CASE("age keys: scrypt wrap and unwrap", "[age][keys][scrypt]") {
  const SecretBuffer file_key = SecretBuffer::random(kFileKeySize);
  const ScryptRecipient r(SecretBuffer::copy_of("correct horse"), 10);
  CHECK(r.must_be_alone());
  auto st = r.wrap(file_key.span());
  REQUIRE(st);
  CHECK(st->type == "scrypt");
  REQUIRE(st->args.size() == 2);
  CHECK(st->args[1] == "10");

  auto ok = ScryptIdentity(SecretBuffer::copy_of("correct horse")).unwrap(*st);
  REQUIRE(ok);
  REQUIRE(ok->has_value());
  CHECK(safehold::crypto::equal_constant_time((*ok)->span(), file_key.span()));

  auto wrong = ScryptIdentity(SecretBuffer::copy_of("battery staple")).unwrap(*st);
  REQUIRE(wrong);
  CHECK_FALSE(wrong->has_value());

  auto capped = ScryptIdentity(SecretBuffer::copy_of("correct horse"), 9).unwrap(*st);
  REQUIRE_FALSE(capped);
  CHECK(capped.error().code == AgeError::header_failure);

  CHECK_THROWS(ScryptRecipient(SecretBuffer::copy_of("x"), 0));
  CHECK_THROWS(ScryptRecipient(SecretBuffer::copy_of("x"), 31));
}
