#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <sodium.h>

#include "safehold/crypto/stream.hpp"
#include "test_util.hpp"

using namespace safehold::crypto;
using safehold::base::IoError;
using safehold::base::SpanSource;
using safehold::base::VectorSink;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes seal(std::span<const std::uint8_t> key, std::span<const std::uint8_t> plain) {
  VectorSink sink;
  StreamWriter w(key, sink);
  // Odd write sizes exercise the chunk buffering.
  std::size_t pos = 0, step = 1;
  while (pos < plain.size()) {
    const std::size_t n = std::min(step, plain.size() - pos);
    REQUIRE(w.write(plain.subspan(pos, n)));
    pos += n;
    step = step * 3 + 7;
  }
  REQUIRE(w.finish());
  return sink.bytes();
}

struct Opened {
  Bytes released;
  std::optional<StreamError> error;
};

Opened open_all(std::span<const std::uint8_t> key, std::span<const std::uint8_t> sealed,
                std::size_t read_size = 4096) {
  SpanSource src(sealed);
  StreamReader r(key, src);
  Opened o;
  Bytes buf(read_size);
  for (;;) {
    auto n = r.read(buf);
    if (!n) {
      o.error = r.error();
      REQUIRE(o.error.has_value());
      return o;
    }
    if (*n == 0) return o;
    o.released.insert(o.released.end(), buf.begin(), buf.begin() + static_cast<long>(*n));
  }
}

// Seals one raw chunk with an explicit counter and flag (to build malformed streams).
Bytes raw_chunk(std::span<const std::uint8_t> key, std::uint64_t counter, bool last,
                std::span<const std::uint8_t> plain) {
  std::uint8_t nonce[12] = {};
  for (int i = 10; i >= 3; --i) {
    nonce[i] = static_cast<std::uint8_t>(counter & 0xff);
    counter >>= 8;
  }
  nonce[11] = last ? 1 : 0;
  Bytes out(plain.size() + 16);
  unsigned long long len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(out.data(), &len, plain.data(), plain.size(), nullptr,
                                            0, nullptr, nonce, key.data());
  return out;
}

const Bytes kKey = safehold::test::from_hex(
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

}  // namespace

TEST_CASE("STREAM round-trips at chunk boundaries", "[crypto][stream]") {
  const std::size_t size = GENERATE(0u, 1u, 65535u, 65536u, 65537u, 131072u, 200000u);
  auto plain = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
  auto sealed = seal(kKey, plain);
  REQUIRE(sealed.size() == stream_sealed_size(size));
  for (std::size_t read_size : {1u, 4096u, 65536u, 100000u}) {
    if (size > 70000 && read_size == 1) continue;  // slow, adds nothing
    auto o = open_all(kKey, sealed, read_size);
    REQUIRE_FALSE(o.error);
    REQUIRE(o.released == plain);
  }
}

TEST_CASE("STREAM refuses a wrong key", "[crypto][stream]") {
  auto sealed = seal(kKey, safehold::test::pseudo_random_bytes(1000));
  Bytes other = kKey;
  other[0] ^= 1;
  auto o = open_all(other, sealed);
  REQUIRE(o.error == StreamError::authentication_failed);
  REQUIRE(o.released.empty());
}

TEST_CASE("STREAM detects any flipped bit", "[crypto][stream]") {
  auto plain = safehold::test::pseudo_random_bytes(150000);
  auto sealed = seal(kKey, plain);
  for (std::size_t off = 0; off < sealed.size(); off += 977) {
    auto bad = sealed;
    bad[off] ^= 0x10;
    auto o = open_all(kKey, bad);
    INFO("offset " << off);
    REQUIRE(o.error == StreamError::authentication_failed);
    // Only chunks before the damaged one were released.
    REQUIRE(o.released.size() == (off / kStreamSealedChunkSize) * kStreamChunkSize);
  }
}

TEST_CASE("STREAM detects truncation at any length", "[crypto][stream]") {
  auto plain = safehold::test::pseudo_random_bytes(2 * kStreamChunkSize + 10);
  auto sealed = seal(kKey, plain);
  for (std::size_t len :
       {std::size_t{0}, std::size_t{5}, std::size_t{16}, kStreamSealedChunkSize - 1,
        kStreamSealedChunkSize, kStreamSealedChunkSize + 1, 2 * kStreamSealedChunkSize,
        sealed.size() - 1}) {
    INFO("length " << len);
    auto o = open_all(kKey, std::span(sealed).first(len));
    REQUIRE(o.error.has_value());
    REQUIRE(o.released.size() < plain.size());
  }
}

TEST_CASE("STREAM refuses trailing bytes after the last chunk", "[crypto][stream]") {
  auto plain = safehold::test::pseudo_random_bytes(kStreamChunkSize);  // full last chunk
  auto sealed = seal(kKey, plain);
  sealed.push_back(0);
  auto o = open_all(kKey, sealed);
  REQUIRE(o.error == StreamError::trailing_data);
  // Like age, the authenticated last chunk is released before the error.
  REQUIRE(o.released == plain);
}

TEST_CASE("STREAM refuses a chunk after the last one", "[crypto][stream]") {
  Bytes full(kStreamChunkSize, 0xaa), tail(100, 0xbb);
  auto extra = raw_chunk(kKey, 1, true, tail);
  // After a full-size last chunk the extra chunk is seen as trailing data ...
  auto sealed = raw_chunk(kKey, 0, true, full);
  sealed.insert(sealed.end(), extra.begin(), extra.end());
  REQUIRE(open_all(kKey, sealed).error == StreamError::trailing_data);
  // ... after a short one, both read as one chunk that does not authenticate.
  auto short_first = raw_chunk(kKey, 0, true, tail);
  short_first.insert(short_first.end(), extra.begin(), extra.end());
  REQUIRE(open_all(kKey, short_first).error == StreamError::authentication_failed);
}

TEST_CASE("STREAM refuses reordered chunks and a missing last flag", "[crypto][stream]") {
  Bytes full(kStreamChunkSize, 0x11), tail(10, 0x22);
  auto c0 = raw_chunk(kKey, 0, false, full);
  auto c1 = raw_chunk(kKey, 1, true, tail);
  Bytes swapped = c1;
  swapped.insert(swapped.end(), c0.begin(), c0.end());
  REQUIRE(open_all(kKey, swapped).error == StreamError::authentication_failed);

  auto unflagged = raw_chunk(kKey, 1, false, tail);
  Bytes no_last = c0;
  no_last.insert(no_last.end(), unflagged.begin(), unflagged.end());
  REQUIRE(open_all(kKey, no_last).error == StreamError::authentication_failed);

  Bytes only_full = c0;  // stream ends after a non-last chunk
  REQUIRE(open_all(kKey, only_full).error == StreamError::truncated);
}

TEST_CASE("STREAM refuses an empty last chunk after data", "[crypto][stream]") {
  Bytes full(kStreamChunkSize, 0x33);
  auto sealed = raw_chunk(kKey, 0, false, full);
  auto empty_last = raw_chunk(kKey, 1, true, {});
  sealed.insert(sealed.end(), empty_last.begin(), empty_last.end());
  REQUIRE(open_all(kKey, sealed).error == StreamError::empty_last_chunk);
}

TEST_CASE("STREAM writer refuses use after finish", "[crypto][stream]") {
  VectorSink sink;
  StreamWriter w(kKey, sink);
  REQUIRE(w.finish());
  std::uint8_t b = 1;
  REQUIRE_FALSE(w.write(std::span(&b, 1)));
  REQUIRE_FALSE(w.finish());
  REQUIRE(sink.bytes().size() == kStreamTagSize);
}
