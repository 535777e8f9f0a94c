#include "util.hpp"

#include <sodium.h>

#include <chrono>
#include <ctime>

#include "safehold/crypto/secret.hpp"

namespace safehold::storage::detail {

int utc_year(std::string_view s) {
  int y = 0;
  for (std::size_t i = 0; i < 4 && i < s.size(); ++i) y = y * 10 + (s[i] - '0');
  return y;
}

std::string random_hex(std::size_t n) {
  std::array<std::uint8_t, 64> buf{};
  if (n > buf.size()) n = buf.size();
  crypto::fill_random(std::span(buf.data(), n));
  return to_hex(std::span(buf.data(), n));
}

std::string new_uuid_v4() {
  std::array<std::uint8_t, 16> b{};
  crypto::fill_random(b);
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
  const std::string h = to_hex(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20);
}

bool is_uuid(std::string_view s) noexcept {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

Sha256 sha256(std::span<const std::uint8_t> data) noexcept {
  Sha256 out{};
  crypto_hash_sha256(out.data(), data.data(), data.size());
  return out;
}

Sha256 sha256(std::string_view data) noexcept { return sha256(as_bytes(data)); }

}  // namespace safehold::storage::detail
