#include "safehold/core/bundle/sha256.hpp"

#include "safehold/crypto/secret.hpp"

namespace safehold::core::bundle {

Sha256::Sha256() noexcept { crypto_hash_sha256_init(&state_); }

void Sha256::update(std::span<const std::uint8_t> bytes) noexcept {
  crypto_hash_sha256_update(&state_, bytes.data(), bytes.size());
}

Sha256Digest Sha256::finish() noexcept {
  Sha256Digest out{};
  crypto_hash_sha256_final(&state_, out.data());
  return out;
}

Sha256Digest sha256_of(std::span<const std::uint8_t> bytes) noexcept {
  Sha256 h;
  h.update(bytes);
  return h.finish();
}

Sha256Digest sha256_of(std::string_view text) noexcept { return sha256_of(as_bytes(text)); }

bool digests_equal(const Sha256Digest& a, const Sha256Digest& b) noexcept {
  return crypto::equal_constant_time(a, b);
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::optional<Sha256Digest> parse_sha256_hex(std::string_view hex) noexcept {
  if (hex.size() != 64) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  Sha256Digest out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = nibble(hex[2 * i]);
    const int lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return out;
}

}  // namespace safehold::core::bundle
