#pragma once
// Helpers shared by the age test suites.
#include <sodium.h>

#include <optional>
#include <string>
#include <vector>

#include "safehold/crypto/age.hpp"
#include "test_util.hpp"

namespace safehold::age::test {

using Bytes = std::vector<std::uint8_t>;

inline std::string sha256_hex(std::span<const std::uint8_t> data) {
  std::uint8_t h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, data.data(), data.size());
  return safehold::test::to_hex(h);
}

// The name the C2SP vectors give each outcome.
inline std::string outcome_name(AgeError e) {
  switch (e) {
    case AgeError::no_match: return "no match";
    case AgeError::hmac_failure: return "HMAC failure";
    case AgeError::header_failure: return "header failure";
    case AgeError::payload_failure: return "payload failure";
    case AgeError::armor_failure: return "armor failure";
    default: return std::string("other: ") + describe(e);
  }
}

// Everything a decryption released, and how it ended.
struct Decrypted {
  Bytes plaintext;
  std::optional<AgeFailure> failure;  // from open() or from read()
  std::string outcome() const { return failure ? outcome_name(failure->code) : "success"; }
};

inline Decrypted decrypt_all(std::span<const std::uint8_t> file,
                             std::span<const Identity* const> ids,
                             const DecryptOptions& options = {}, std::size_t read_size = 65536) {
  base::SpanSource src(file);
  Decrypted out;
  auto dec = Decryptor::open(src, ids, options);
  if (!dec) {
    out.failure = dec.error();
    return out;
  }
  Bytes buf(read_size);
  for (;;) {
    auto n = dec->read(buf);
    if (!n) {
      out.failure = dec->failure();
      if (!out.failure) out.failure = AgeFailure{AgeError::io, "read failed without a reason", std::nullopt};
      return out;
    }
    if (*n == 0) return out;
    out.plaintext.insert(out.plaintext.end(), buf.begin(), buf.begin() + static_cast<long>(*n));
  }
}

inline Decrypted decrypt_all(std::span<const std::uint8_t> file, const Identity& id,
                             const DecryptOptions& options = {}) {
  const Identity* ids[] = {&id};
  return decrypt_all(file, ids, options);
}

inline Bytes encrypt_all(std::span<const std::uint8_t> plain,
                         std::span<const Recipient* const> recipients, bool armor = false) {
  base::VectorSink sink;
  auto enc = Encryptor::create(sink, recipients, EncryptOptions{armor});
  if (!enc) throw std::runtime_error("encrypt: " + describe(enc.error()));
  if (!enc->write(plain) || !enc->finish()) throw std::runtime_error("encrypt: write failed");
  return sink.bytes();
}

inline Bytes encrypt_all(std::span<const std::uint8_t> plain, const Recipient& r,
                         bool armor = false) {
  const Recipient* rs[] = {&r};
  return encrypt_all(plain, rs, armor);
}

inline Bytes bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

}  // namespace safehold::age::test
