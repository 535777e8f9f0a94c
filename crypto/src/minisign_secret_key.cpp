// minisign secret key files (see minisign_secret_key.hpp for the layout).
#include "safehold/crypto/minisign_secret_key.hpp"

#include <sodium.h>

#include <array>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "minisign_text.hpp"

namespace safehold::crypto::minisign {
namespace {

// Offsets in the decoded structure.
constexpr std::size_t kSigAlgAt = 0;
constexpr std::size_t kKdfAlgAt = 2;
constexpr std::size_t kChkAlgAt = 4;
constexpr std::size_t kSaltAt = 6;
constexpr std::size_t kSaltSize = crypto_pwhash_scryptsalsa208sha256_SALTBYTES;  // 32
constexpr std::size_t kOpsAt = kSaltAt + kSaltSize;                              // 38
constexpr std::size_t kMemAt = kOpsAt + 8;                                       // 46
constexpr std::size_t kKeyIdAt = kMemAt + 8;                                     // 54: encrypted from here
constexpr std::size_t kSkAt = kKeyIdAt + kKeyIdSize;                             // 62
constexpr std::size_t kChkAt = kSkAt + kSecretKeySize;                           // 126
constexpr std::size_t kChkSize = crypto_generichash_BYTES;                       // 32
constexpr std::size_t kStructSize = kChkAt + kChkSize;                           // 158
constexpr std::size_t kEncryptedSize = kStructSize - kKeyIdAt;                   // 104

constexpr std::uint8_t kKdfScrypt[2] = {'S', 'c'};
constexpr std::uint8_t kKdfNone[2] = {0, 0};
constexpr std::uint8_t kChkBlake2b[2] = {'B', '2'};

std::uint64_t load_le64(const std::uint8_t* p) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = 8; i-- > 0;) v = v << 8 | p[i];
  return v;
}

void store_le64(std::uint8_t* p, std::uint64_t v) noexcept {
  for (std::size_t i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// BLAKE2b-256("Ed" || key id || secret key) over a decrypted structure.
std::array<std::uint8_t, kChkSize> checksum(const std::uint8_t* raw) noexcept {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, kChkSize);
  crypto_generichash_update(&st, raw + kSigAlgAt, 2);
  crypto_generichash_update(&st, raw + kKeyIdAt, kKeyIdSize);
  crypto_generichash_update(&st, raw + kSkAt, kSecretKeySize);
  std::array<std::uint8_t, kChkSize> out{};
  crypto_generichash_final(&st, out.data(), out.size());
  sodium_memzero(&st, sizeof st);
  return out;
}

// The scrypt stream that is XORed over key id || secret key || checksum.
expected<SecretBuffer, MinisignError> kdf_stream(const SecretBuffer& passphrase,
                                                 const std::uint8_t* salt, ScryptCost cost) {
  static const char empty = 0;
  SecretBuffer stream(kEncryptedSize);
  const char* pw = passphrase.empty() ? &empty : reinterpret_cast<const char*>(passphrase.data());
  if (crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), pw, passphrase.size(),
                                         salt, cost.opslimit,
                                         static_cast<std::size_t>(cost.memlimit)) != 0) {
    return unexpected(MinisignError::kdf_failed);
  }
  return stream;
}

void xor_into(std::uint8_t* dst, const std::uint8_t* src, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) dst[i] ^= src[i];
}

expected<SecretKey, MinisignError> key_from(const std::uint8_t* raw) {
  KeyId id{};
  std::memcpy(id.data(), raw + kKeyIdAt, kKeyIdSize);
  return SecretKey::from_bytes(id, std::span(raw + kSkAt, kSecretKeySize));
}

bool usable_passphrase(const SecretBuffer& p) noexcept {
  return p.size() <= kMaxPassphraseBytes &&
         p.view().find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool all_zero(const std::uint8_t* p, std::size_t n) noexcept { return sodium_is_zero(p, n) == 1; }

}  // namespace

expected<SecretKeyFile, MinisignError> SecretKeyFile::parse(std::string_view text) {
  std::string_view line;
  SecretBuffer raw(kStructSize);
  if (!detail::split_key_file(text, kStructSize, line) ||
      !detail::decode_base64_exact(line, raw.span())) {
    return unexpected(MinisignError::malformed);
  }
  const std::uint8_t* r = raw.data();
  if (std::memcmp(r + kSigAlgAt, detail::kSigAlg, 2) != 0 ||
      std::memcmp(r + kChkAlgAt, kChkBlake2b, 2) != 0 ||
      (std::memcmp(r + kKdfAlgAt, kKdfScrypt, 2) != 0 &&
       std::memcmp(r + kKdfAlgAt, kKdfNone, 2) != 0)) {
    return unexpected(MinisignError::unsupported_algorithm);
  }
  return SecretKeyFile(std::move(raw));
}

bool SecretKeyFile::encrypted() const noexcept {
  return std::memcmp(raw_.data() + kKdfAlgAt, kKdfScrypt, 2) == 0;
}

ScryptCost SecretKeyFile::cost() const noexcept {
  return {load_le64(raw_.data() + kOpsAt), load_le64(raw_.data() + kMemAt)};
}

expected<SecretKey, MinisignError> SecretKeyFile::decrypt(const SecretBuffer& passphrase,
                                                          ScryptCost cap) const {
  if (!encrypted()) return unexpected(MinisignError::not_encrypted);
  const ScryptCost c = cost();
  if (c.opslimit > cap.opslimit || c.memlimit > cap.memlimit) {
    return unexpected(MinisignError::kdf_too_costly);
  }
  if constexpr (sizeof(std::size_t) < sizeof(std::uint64_t)) {
    if (c.memlimit > std::numeric_limits<std::size_t>::max()) {
      return unexpected(MinisignError::kdf_too_costly);
    }
  }
  auto stream = kdf_stream(passphrase, raw_.data() + kSaltAt, c);
  if (!stream) return unexpected(stream.error());
  SecretBuffer plain = raw_.clone();
  xor_into(plain.data() + kKeyIdAt, stream->data(), kEncryptedSize);
  if (!equal_constant_time(checksum(plain.data()), plain.span().subspan(kChkAt, kChkSize))) {
    return unexpected(MinisignError::wrong_passphrase);
  }
  // A matching checksum over an inconsistent key pair means a crafted file.
  return key_from(plain.data());
}

expected<SecretKey, MinisignError> SecretKeyFile::open_unencrypted() const {
  if (encrypted()) return unexpected(MinisignError::passphrase_required);
  const std::uint8_t* r = raw_.data();
  if (all_zero(r + kChkAt, kChkSize)) {
    // `minisign -G -W` writes no checksum, and zero salt and limits with it.
    if (!all_zero(r + kSaltAt, kKeyIdAt - kSaltAt)) {
      return unexpected(MinisignError::corrupt_secret_key);
    }
  } else if (!equal_constant_time(checksum(r), raw_.span().subspan(kChkAt, kChkSize))) {
    return unexpected(MinisignError::corrupt_secret_key);
  }
  return key_from(r);
}

expected<SecretBuffer, MinisignError> encode_secret_key_file(const SecretKey& key,
                                                             const SecretBuffer& passphrase,
                                                             ScryptCost cost) {
  if (cost.opslimit < kMinScryptCost.opslimit || cost.memlimit < kMinScryptCost.memlimit ||
      cost.opslimit > kDefaultScryptCap.opslimit || cost.memlimit > kDefaultScryptCap.memlimit) {
    throw std::invalid_argument("minisign scrypt cost out of range");
  }
  if (!usable_passphrase(passphrase)) return unexpected(MinisignError::unusable_passphrase);
  SecretBuffer raw(kStructSize);
  std::uint8_t* r = raw.data();
  std::memcpy(r + kSigAlgAt, detail::kSigAlg, 2);
  std::memcpy(r + kKdfAlgAt, kKdfScrypt, 2);
  std::memcpy(r + kChkAlgAt, kChkBlake2b, 2);
  fill_random(std::span(r + kSaltAt, kSaltSize));
  store_le64(r + kOpsAt, cost.opslimit);
  store_le64(r + kMemAt, cost.memlimit);
  std::memcpy(r + kKeyIdAt, key.key_id().data(), kKeyIdSize);
  std::memcpy(r + kSkAt, key.secret_bytes().data(), kSecretKeySize);
  const auto chk = checksum(r);
  std::memcpy(r + kChkAt, chk.data(), kChkSize);
  auto stream = kdf_stream(passphrase, r + kSaltAt, cost);
  if (!stream) return unexpected(stream.error());
  xor_into(r + kKeyIdAt, stream->data(), kEncryptedSize);

  const SecretBuffer b64 = detail::encode_base64_secret(raw.span());
  const std::string_view comment = kDefaultSecretKeyComment;
  SecretBuffer text(detail::kUntrustedPrefix.size() + comment.size() + 1 + b64.size() + 1);
  std::uint8_t* w = text.data();
  auto put = [&w](std::string_view s) {
    std::memcpy(w, s.data(), s.size());
    w += s.size();
  };
  put(detail::kUntrustedPrefix);
  put(comment);
  put("\n");
  put(b64.view());
  put("\n");
  return text;
}

}  // namespace safehold::crypto::minisign
