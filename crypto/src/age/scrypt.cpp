#include "safehold/crypto/age/scrypt.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <string_view>

#include "base64.hpp"

namespace safehold::age {
namespace {

constexpr std::string_view kScryptStanza = "scrypt";
constexpr std::string_view kSaltLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kScryptWrappedSize = kFileKeySize + crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::uint8_t kScryptNonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};
constexpr int kMaxLogN = 30;

// scrypt(N = 2^log_n, r = 8, p = 1, S = label || salt, P = passphrase) -> 32 bytes.
// Fails only when the memory it needs cannot be allocated.
[[nodiscard]] expected<crypto::SecretBuffer, AgeFailure> derive(const crypto::SecretBuffer& pass,
                                                                std::span<const std::uint8_t> salt,
                                                                int log_n) {
  if (!crypto::sodium_ready()) throw std::runtime_error("libsodium failed to initialise");
  std::array<std::uint8_t, kSaltLabel.size() + kSaltSize> full{};
  std::copy(kSaltLabel.begin(), kSaltLabel.end(), full.begin());
  std::copy(salt.begin(), salt.end(), full.begin() + kSaltLabel.size());
  crypto::SecretBuffer key(32);
  if (crypto_pwhash_scryptsalsa208sha256_ll(pass.data(), pass.size(), full.data(), full.size(),
                                            std::uint64_t{1} << log_n, 8, 1, key.data(),
                                            key.size()) != 0) {
    return unexpected(AgeFailure{AgeError::io, "not enough memory for the scrypt work factor",
                                 base::IoError::too_large});
  }
  return key;
}

// The work factor argument: decimal, no sign, no leading zero ("^[1-9][0-9]*$").
int parse_log_n(std::string_view s) noexcept {
  if (s.empty() || s.size() > 2 || s[0] < '1' || s[0] > '9') return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

ScryptRecipient::ScryptRecipient(crypto::SecretBuffer passphrase, int log_n)
    : passphrase_(std::move(passphrase)), log_n_(log_n) {
  if (log_n < 1 || log_n > kMaxLogN) throw std::invalid_argument("scrypt log_n out of range");
}

expected<Stanza, AgeFailure> ScryptRecipient::wrap(std::span<const std::uint8_t> file_key) const {
  if (file_key.size() != kFileKeySize) throw std::invalid_argument("age file key must be 16 bytes");
  std::array<std::uint8_t, kSaltSize> salt{};
  crypto::fill_random(salt);
  auto key = derive(passphrase_, salt, log_n_);
  if (!key) return unexpected(key.error());
  Stanza s;
  s.type = kScryptStanza;
  s.args = {detail::b64_encode(salt), std::to_string(log_n_)};
  s.body.resize(kScryptWrappedSize);
  crypto_aead_chacha20poly1305_ietf_encrypt(s.body.data(), nullptr, file_key.data(),
                                            file_key.size(), nullptr, 0, nullptr, kScryptNonce,
                                            key->data());
  return s;
}

ScryptIdentity::ScryptIdentity(crypto::SecretBuffer passphrase, int max_log_n)
    : passphrase_(std::move(passphrase)), max_log_n_(max_log_n) {
  if (max_log_n < 1 || max_log_n > kMaxLogN) throw std::invalid_argument("scrypt max_log_n out of range");
}

expected<std::optional<crypto::SecretBuffer>, AgeFailure> ScryptIdentity::unwrap(
    const Stanza& stanza) const {
  if (stanza.type != kScryptStanza) return std::optional<crypto::SecretBuffer>();
  if (stanza.args.size() != 2) {
    return age_fail(AgeError::header_failure, "scrypt stanza must have exactly two arguments");
  }
  std::array<std::uint8_t, kSaltSize> salt{};
  if (!detail::b64_decode_exact(stanza.args[0], salt)) {
    return age_fail(AgeError::header_failure, "scrypt salt is not canonical base64 of 16 bytes");
  }
  const int log_n = parse_log_n(stanza.args[1]);
  if (log_n < 0) return age_fail(AgeError::header_failure, "scrypt work factor is not a plain decimal");
  if (log_n > max_log_n_) {
    return age_fail(AgeError::header_failure, "scrypt work factor exceeds the allowed maximum");
  }
  if (stanza.body.size() != kScryptWrappedSize) {
    return age_fail(AgeError::header_failure, "scrypt stanza body is not 32 bytes");
  }
  auto key = derive(passphrase_, salt, log_n);
  if (!key) return unexpected(key.error());
  crypto::SecretBuffer file_key(kFileKeySize);
  if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key.data(), nullptr, nullptr,
                                                stanza.body.data(), stanza.body.size(), nullptr, 0,
                                                kScryptNonce, key->data()) != 0) {
    return std::optional<crypto::SecretBuffer>();  // wrong passphrase
  }
  return std::optional<crypto::SecretBuffer>(std::move(file_key));
}

}  // namespace safehold::age
