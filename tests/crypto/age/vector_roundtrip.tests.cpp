// Round trips on the CCTV "success" vectors: our encoder reproduces each
// vector byte for byte from its parsed header, file key, nonce and plaintext;
// and a fresh encryption under the vector's file key decrypts back.
#include <catch2/catch_test_macros.hpp>

#include <memory>

#include "age_test_util.hpp"
#include "cctv_vectors.hpp"
#include "safehold/crypto/stream.hpp"

using namespace safehold::age;
using namespace safehold::age::test;
using safehold::crypto::SecretBuffer;

namespace {

Bytes dearmor(std::span<const std::uint8_t> text) {
  safehold::base::SpanSource src(text);
  ArmorReader reader(src);
  Bytes out, buf(4096);
  for (;;) {
    auto n = reader.read(buf);
    REQUIRE(n.has_value());
    if (*n == 0) return out;
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<long>(*n));
  }
}

Bytes armor(std::span<const std::uint8_t> bin) {
  safehold::base::VectorSink sink;
  ArmorWriter w(sink);
  REQUIRE(w.write(bin));
  REQUIRE(w.finish());
  return sink.bytes();
}

// header text + nonce + STREAM(plaintext) under the file key.
Bytes seal_file(const Header& h, std::span<const std::uint8_t> file_key,
                std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> plain) {
  Bytes out = bytes_of(encode_header(h));
  out.insert(out.end(), nonce.begin(), nonce.end());
  safehold::base::VectorSink payload;
  safehold::crypto::StreamWriter w(payload_key(file_key, nonce).span(), payload);
  REQUIRE(w.write(plain));
  REQUIRE(w.finish());
  out.insert(out.end(), payload.bytes().begin(), payload.bytes().end());
  return out;
}

}  // namespace

TEST_CASE("age: success vectors re-encode byte for byte", "[age][vectors][roundtrip]") {
  const auto dir = cctv_dir();
  if (!dir) SKIP("age-cctv vectors not found under " SAFEHOLD_VECTORS_DIR);
  std::size_t checked = 0;
  for (const auto& path : cctv_vector_paths(*dir)) {
    const CctvVector v = load_cctv_vector(path);
    if (v.expect != "success" || v.post_quantum() || v.unknown_key) continue;
    INFO("vector " << v.name);
    REQUIRE(v.file_key_hex.has_value());
    const SecretBuffer file_key = SecretBuffer::copy_of(safehold::test::from_hex(*v.file_key_hex));
    const Bytes bin = v.armored ? dearmor(v.file) : v.file;

    auto parsed = parse_header(bin);
    REQUIRE(parsed.has_value());
    const Header& h = parsed->header;
    CHECK(encode_header(h) == std::string(bin.begin(), bin.begin() + static_cast<long>(parsed->size)));
    CHECK(header_mac(file_key.span(), h) == h.mac);
    CHECK(verify_header_mac(file_key.span(), h));

    // Decrypt with the vector's own identities, then rebuild the whole file.
    std::vector<std::unique_ptr<Identity>> owned;
    std::vector<const Identity*> ids;
    std::vector<std::unique_ptr<Recipient>> recipients;
    for (const auto& text : v.identities) {
      auto id = X25519Identity::parse(text);
      REQUIRE(id);
      recipients.push_back(std::make_unique<X25519Recipient>(id->recipient()));
      owned.push_back(std::make_unique<X25519Identity>(std::move(*id)));
    }
    for (const auto& pass : v.passphrases) {
      owned.push_back(std::make_unique<ScryptIdentity>(SecretBuffer::copy_of(pass)));
      recipients.push_back(std::make_unique<ScryptRecipient>(SecretBuffer::copy_of(pass), 10));
    }
    for (const auto& id : owned) ids.push_back(id.get());
    const Decrypted d = decrypt_all(bin, ids, DecryptOptions{ArmorMode::refused, {}});
    REQUIRE(d.outcome() == "success");
    const auto nonce = std::span(bin).subspan(parsed->size, kPayloadNonceSize);
    CHECK(seal_file(h, file_key.span(), nonce, d.plaintext) == bin);

    // Canonical armor (LF, no surrounding whitespace) re-armors identically.
    const std::string text(v.file.begin(), v.file.end());
    if (v.armored && text.starts_with("-----BEGIN") && text.ends_with("-----\n") &&
        text.find('\r') == std::string::npos) {
      CHECK(armor(bin) == v.file);
    }

    // A fresh file (new stanzas, new nonce) under the same file key.
    Header fresh;
    for (const auto& r : recipients) {
      auto st = r->wrap(file_key.span());
      REQUIRE(st);
      fresh.stanzas.push_back(std::move(*st));
    }
    fresh.mac = header_mac(file_key.span(), fresh);
    Bytes new_nonce(kPayloadNonceSize);
    safehold::crypto::fill_random(new_nonce);
    const Bytes again = seal_file(fresh, file_key.span(), new_nonce, d.plaintext);
    const Decrypted back = decrypt_all(again, ids);
    CHECK(back.outcome() == "success");
    CHECK(sha256_hex(back.plaintext) == *v.payload_sha256);
    ++checked;
  }
  CHECK(checked >= 21);  // the non-PQ "success" vectors
}
