#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include "age_test_util.hpp"

using namespace safehold::age;
using namespace safehold::age::test;
using safehold::crypto::SecretBuffer;
using safehold::base::IoError;

namespace {

struct FailingSink final : safehold::base::ByteSink {
  std::size_t budget;
  explicit FailingSink(std::size_t b) : budget(b) {}
  safehold::expected<void, IoError> write(std::span<const std::uint8_t> d) override {
    if (d.size() > budget) return safehold::unexpected(IoError::disk_full);
    budget -= d.size();
    return {};
  }
};

struct FailingSource final : safehold::base::ByteSource {
  safehold::base::SpanSource inner;
  std::size_t budget;
  FailingSource(std::span<const std::uint8_t> d, std::size_t b) : inner(d), budget(b) {}
  safehold::expected<std::size_t, IoError> read(std::span<std::uint8_t> out) override {
    if (budget == 0) return safehold::unexpected(IoError::read_failed);
    auto n = inner.read(out.first(std::min(out.size(), budget)));
    budget -= *n;
    return n;
  }
};

}  // namespace

TEST_CASE("age: encrypt/decrypt round trip, 1 and 3 recipients, binary and armored", "[age][roundtrip]") {
  const std::size_t size = GENERATE(0u, 1u, 65535u, 65536u, 65537u, 200000u);
  const bool armored = GENERATE(false, true);
  const Bytes plain = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
  std::vector<X25519Identity> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(X25519Identity::generate());
  std::vector<const Recipient*> rs{&ids[0].recipient(), &ids[1].recipient(), &ids[2].recipient()};

  const Bytes one = encrypt_all(plain, ids[0].recipient(), armored);
  const Bytes three = encrypt_all(plain, rs, armored);
  CHECK(one != encrypt_all(plain, ids[0].recipient(), armored));  // fresh file key and nonce
  for (const auto& id : ids) {
    const Decrypted d = decrypt_all(three, id);
    REQUIRE(d.outcome() == "success");
    REQUIRE(d.plaintext == plain);
  }
  const Decrypted d1 = decrypt_all(one, ids[0]);
  REQUIRE(d1.outcome() == "success");
  CHECK(d1.plaintext == plain);
  CHECK(decrypt_all(one, ids[1]).outcome() == "no match");
  const DecryptOptions wrong_mode{armored ? ArmorMode::refused : ArmorMode::required, {}};
  CHECK(decrypt_all(one, ids[0], wrong_mode).outcome() ==
        (armored ? "header failure" : "armor failure"));
}

TEST_CASE("age: tampering is detected where it happens", "[age][roundtrip]") {
  const X25519Identity id = X25519Identity::generate();
  const Bytes plain = safehold::test::pseudo_random_bytes(150000);
  const Bytes file = encrypt_all(plain, id.recipient());
  auto parsed = parse_header(file);
  REQUIRE(parsed);
  const std::size_t header_size = parsed->size;

  Bytes bad = file;
  bad[header_size - 5] ^= 0x01;  // inside the MAC: still base64, wrong value
  CHECK(decrypt_all(bad, id).outcome() != "success");
  bad = file;
  bad[header_size + 3] ^= 0x80;  // the payload nonce: every chunk fails
  CHECK(decrypt_all(bad, id).outcome() == "payload failure");
  bad = file;
  bad[header_size + 16 + 70000] ^= 0x01;  // second chunk
  const Decrypted d = decrypt_all(bad, id);
  CHECK(d.outcome() == "payload failure");
  CHECK(d.plaintext == Bytes(plain.begin(), plain.begin() + 65536));  // only the first chunk
  const Decrypted cut = decrypt_all(std::span(file).first(file.size() - 1), id);
  CHECK(cut.outcome() == "payload failure");
  CHECK(cut.plaintext.size() == 2 * 65536);
}

TEST_CASE("age: the header MAC binds the stanzas", "[age][roundtrip]") {
  const X25519Identity a = X25519Identity::generate(), b = X25519Identity::generate();
  const Bytes file = encrypt_all(Bytes(10, 1), a.recipient());
  auto parsed = parse_header(file);
  REQUIRE(parsed);
  // Add a stanza for b (with a random file key): a still unwraps, the MAC fails.
  Header h = parsed->header;
  auto extra = b.recipient().wrap(SecretBuffer::random(kFileKeySize).span());
  REQUIRE(extra);
  h.stanzas.push_back(*extra);
  Bytes forged = bytes_of(encode_header(h));
  forged.insert(forged.end(), file.begin() + static_cast<long>(parsed->size), file.end());
  CHECK(decrypt_all(forged, a).outcome() == "HMAC failure");
  CHECK(decrypt_all(forged, b).outcome() == "HMAC failure");
}

TEST_CASE("age: passphrase (scrypt) files", "[age][roundtrip][scrypt]") {
  const Bytes plain = bytes_of("testimony stays private");
  const ScryptRecipient r(SecretBuffer::copy_of("correct horse battery staple"), 10);
  const Bytes file = encrypt_all(plain, r);
  const ScryptIdentity good(SecretBuffer::copy_of("correct horse battery staple"));
  const Decrypted d = decrypt_all(file, good);
  REQUIRE(d.outcome() == "success");
  CHECK(d.plaintext == plain);
  CHECK(decrypt_all(file, ScryptIdentity(SecretBuffer::copy_of("wrong"))).outcome() == "no match");
  CHECK(decrypt_all(file, ScryptIdentity(SecretBuffer::copy_of("correct horse battery staple"), 9))
            .outcome() == "header failure");
  CHECK(decrypt_all(file, X25519Identity::generate()).outcome() == "no match");

  const X25519Identity x = X25519Identity::generate();
  const Recipient* mixed[] = {&r, &x.recipient()};
  safehold::base::VectorSink sink;
  auto e = Encryptor::create(sink, mixed);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == AgeError::invalid_recipients);
  CHECK(sink.bytes().empty());
}

TEST_CASE("age: encryptor contract and I/O failures", "[age][roundtrip]") {
  const X25519Identity id = X25519Identity::generate();
  safehold::base::VectorSink sink;
  auto none = Encryptor::create(sink, std::span<const Recipient* const>());
  REQUIRE_FALSE(none);
  CHECK(none.error().code == AgeError::invalid_recipients);

  auto enc = Encryptor::create(sink, id.recipient());
  REQUIRE(enc);
  REQUIRE(enc->write(bytes_of("x")));
  REQUIRE(enc->finish());
  CHECK_FALSE(enc->finish());
  CHECK_FALSE(enc->write(bytes_of("y")));
  Encryptor moved = std::move(*enc);
  CHECK_FALSE(moved.write(bytes_of("z")));

  FailingSink tiny(10);  // fails while writing the header
  auto failed = Encryptor::create(tiny, id.recipient());
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == AgeError::io);
  CHECK(failed.error().io == IoError::disk_full);

  FailingSink mid(400);  // the header fits, the first sealed chunk does not
  auto later = Encryptor::create(mid, id.recipient());
  REQUIRE(later);
  CHECK(later->write(Bytes(70000, 0)).error() == IoError::disk_full);
}

TEST_CASE("age: decryptor reports source failures as I/O", "[age][roundtrip]") {
  const X25519Identity id = X25519Identity::generate();
  for (bool armored : {false, true}) {
    const Bytes file = encrypt_all(Bytes(100000, 3), id.recipient(), armored);
    FailingSource early(file, 20);
    auto e = Decryptor::open(early, id);
    REQUIRE_FALSE(e);
    CHECK(e.error().code == AgeError::io);
    FailingSource late(file, file.size() - 100);
    auto d = Decryptor::open(late, id);
    REQUIRE(d);
    CHECK(d->armored() == armored);
    CHECK(d->header().stanzas.size() == 1);
    Bytes buf(65536);
    safehold::expected<std::size_t, IoError> n = std::size_t{1};
    while (n && *n != 0) n = d->read(buf);
    REQUIRE_FALSE(n);
    REQUIRE(d->failure());
    CHECK(d->failure()->code == AgeError::io);
    CHECK(d->failure()->io == IoError::read_failed);
  }
}

TEST_CASE("age: armor auto-detection tolerates leading whitespace", "[age][roundtrip]") {
  const X25519Identity id = X25519Identity::generate();
  Bytes file = encrypt_all(bytes_of("hi"), id.recipient(), true);
  file.insert(file.begin(), {'\n', ' ', '\t', '\r', '\n'});
  const Decrypted d = decrypt_all(file, id);
  CHECK(d.outcome() == "success");
  CHECK(d.plaintext == bytes_of("hi"));
}
