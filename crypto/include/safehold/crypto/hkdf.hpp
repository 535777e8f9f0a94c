#pragma once
// HKDF-SHA-256 (RFC 5869). libsodium 1.0.18 has no HKDF; this builds it on the
// incremental HMAC-SHA-256 API, which accepts keys of any length (the one-shot
// crypto_auth_hmacsha256 wants exactly 32 bytes, which the salt is not always).
#include <cstdint>
#include <span>
#include <string_view>

#include "safehold/crypto/secret.hpp"

namespace safehold::crypto {

inline constexpr std::size_t kHkdfSha256MaxLength = 255 * 32;

// Extract-then-expand. `length` must be 1..kHkdfSha256MaxLength (a programmer
// error otherwise: throws std::invalid_argument).
[[nodiscard]] SecretBuffer hkdf_sha256(std::span<const std::uint8_t> ikm,
                                       std::span<const std::uint8_t> salt,
                                       std::span<const std::uint8_t> info, std::size_t length);
[[nodiscard]] SecretBuffer hkdf_sha256(std::span<const std::uint8_t> ikm,
                                       std::span<const std::uint8_t> salt, std::string_view info,
                                       std::size_t length);

// HMAC-SHA-256 with a key of any length.
void hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                 std::span<std::uint8_t, 32> out) noexcept;

}  // namespace safehold::crypto
