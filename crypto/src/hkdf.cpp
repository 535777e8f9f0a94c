#include "safehold/crypto/hkdf.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace safehold::crypto {

void hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                 std::span<std::uint8_t, 32> out) noexcept {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key.data(), key.size());
  crypto_auth_hmacsha256_update(&st, message.data(), message.size());
  crypto_auth_hmacsha256_final(&st, out.data());
  sodium_memzero(&st, sizeof st);
}

SecretBuffer hkdf_sha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                         std::span<const std::uint8_t> info, std::size_t length) {
  if (length == 0 || length > kHkdfSha256MaxLength) {
    throw std::invalid_argument("hkdf_sha256: bad output length");
  }
  if (!sodium_ready()) throw std::runtime_error("libsodium failed to initialise");
  // Extract: PRK = HMAC(salt, IKM); an absent salt is HashLen zero bytes.
  static constexpr std::uint8_t kZeroSalt[32] = {};
  if (salt.empty()) salt = kZeroSalt;
  SecretBuffer prk(32);
  hmac_sha256(salt, ikm, std::span<std::uint8_t, 32>(prk.data(), 32));

  // Expand: T(i) = HMAC(PRK, T(i-1) | info | i).
  SecretBuffer out(length);
  SecretBuffer t(32);
  std::size_t done = 0;
  for (std::uint8_t i = 1; done < length; ++i) {
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, prk.data(), prk.size());
    if (i > 1) crypto_auth_hmacsha256_update(&st, t.data(), t.size());
    crypto_auth_hmacsha256_update(&st, info.data(), info.size());
    crypto_auth_hmacsha256_update(&st, &i, 1);
    crypto_auth_hmacsha256_final(&st, t.data());
    sodium_memzero(&st, sizeof st);
    const std::size_t n = std::min<std::size_t>(32, length - done);
    std::copy_n(t.data(), n, out.data() + done);
    done += n;
  }
  return out;
}

SecretBuffer hkdf_sha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                         std::string_view info, std::size_t length) {
  return hkdf_sha256(
      ikm, salt, std::span(reinterpret_cast<const std::uint8_t*>(info.data()), info.size()),
      length);
}

}  // namespace safehold::crypto
