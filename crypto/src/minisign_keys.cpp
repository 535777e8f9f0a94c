// minisign errors, key ids, public keys and key pairs.
#include <sodium.h>

#include <array>
#include <cstring>

#include "minisign_text.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::crypto::minisign {
namespace {

constexpr std::size_t kPublicKeyStructSize = 2 + kKeyIdSize + kPublicKeySize;  // 42

}  // namespace

const char* describe(MinisignError e) noexcept {
  switch (e) {
    case MinisignError::malformed: return "not a well-formed minisign file";
    case MinisignError::unsupported_algorithm: return "unsupported minisign algorithm";
    case MinisignError::legacy_signature:
      return "legacy (non-prehashed) minisign signature refused";
    case MinisignError::key_id_mismatch: return "the signature was made with a different key";
    case MinisignError::bad_signature: return "signature verification failed";
    case MinisignError::bad_global_signature:
      return "trusted comment signature verification failed";
    case MinisignError::invalid_comment:
      return "comment must be one line without control line breaks and not too long";
    case MinisignError::wrong_passphrase: return "wrong passphrase for that secret key";
    case MinisignError::passphrase_required: return "the secret key is encrypted";
    case MinisignError::not_encrypted: return "the secret key is not encrypted";
    case MinisignError::unusable_passphrase:
      return "passphrase cannot contain line breaks or NUL, or exceed 1022 bytes";
    case MinisignError::kdf_too_costly:
      return "the secret key's key derivation parameters are too costly";
    case MinisignError::kdf_failed: return "key derivation failed (out of memory)";
    case MinisignError::corrupt_secret_key: return "the secret key is corrupt";
    case MinisignError::not_found: return "file not found";
    case MinisignError::io_failed: return "input/output error";
  }
  return "minisign error";
}

std::string key_id_hex(const KeyId& id) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(2 * kKeyIdSize);
  for (std::size_t i = kKeyIdSize; i-- > 0;) {  // little-endian number, most significant first
    out += digits[id[i] >> 4];
    out += digits[id[i] & 15];
  }
  return out;
}

expected<PublicKey, MinisignError> PublicKey::parse_key_line(std::string_view line) {
  std::array<std::uint8_t, kPublicKeyStructSize> raw{};
  if (!detail::decode_base64_exact(line, raw)) return unexpected(MinisignError::malformed);
  if (std::memcmp(raw.data(), detail::kSigAlg, 2) != 0) {
    return unexpected(MinisignError::unsupported_algorithm);
  }
  KeyId id{};
  RawPublicKey key{};
  std::memcpy(id.data(), raw.data() + 2, kKeyIdSize);
  std::memcpy(key.data(), raw.data() + 2 + kKeyIdSize, kPublicKeySize);
  return PublicKey(id, key);
}

expected<PublicKey, MinisignError> PublicKey::parse_file(std::string_view text) {
  std::string_view line;
  if (!detail::split_key_file(text, kPublicKeyStructSize, line)) {
    return unexpected(MinisignError::malformed);
  }
  return parse_key_line(line);
}

std::string PublicKey::key_line() const {
  std::array<std::uint8_t, kPublicKeyStructSize> raw{};
  std::memcpy(raw.data(), detail::kSigAlg, 2);
  std::memcpy(raw.data() + 2, id_.data(), kKeyIdSize);
  std::memcpy(raw.data() + 2 + kKeyIdSize, key_.data(), kPublicKeySize);
  return detail::encode_base64(raw);
}

std::string PublicKey::file_text() const {
  std::string out(detail::kUntrustedPrefix);
  out += "minisign public key ";
  // minisign 0.11 prints the id with "%" PRIX64: no leading zeros here.
  const std::string hex = key_id_hex(id_);
  const std::size_t first = hex.find_first_not_of('0');
  out += first == std::string::npos ? std::string("0") : hex.substr(first);
  out += '\n';
  out += key_line();
  out += '\n';
  return out;
}

bool operator==(const PublicKey& a, const PublicKey& b) noexcept {
  return equal_constant_time(a.id_, b.id_) && equal_constant_time(a.key_, b.key_);
}

SecretKey SecretKey::generate() {
  if (!sodium_ready()) std::abort();
  KeyId id{};
  fill_random(id);
  RawPublicKey pk{};
  SecretBuffer sk(kSecretKeySize);
  crypto_sign_keypair(pk.data(), sk.data());
  return SecretKey(id, std::move(sk));
}

expected<SecretKey, MinisignError> SecretKey::from_bytes(const KeyId& id,
                                                         std::span<const std::uint8_t> secret_key) {
  if (secret_key.size() != kSecretKeySize) return unexpected(MinisignError::corrupt_secret_key);
  if (!sodium_ready()) std::abort();
  // libsodium signs with the stored public half; a mismatch with the seed
  // would give signatures that never verify, so refuse it here.
  RawPublicKey derived{};
  SecretBuffer rederived(kSecretKeySize);
  crypto_sign_seed_keypair(derived.data(), rederived.data(), secret_key.data());
  if (!equal_constant_time(derived, secret_key.subspan(32, kPublicKeySize))) {
    return unexpected(MinisignError::corrupt_secret_key);
  }
  return SecretKey(id, SecretBuffer::copy_of(secret_key));
}

PublicKey SecretKey::public_key() const {
  RawPublicKey pk{};
  crypto_sign_ed25519_sk_to_pk(pk.data(), sk_.data());
  return PublicKey(id_, pk);
}

}  // namespace safehold::crypto::minisign
