#pragma once
// Internal helpers: UTC timestamps, random ids, hex, SHA-256.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "safehold/schema/formats.hpp"
#include "safehold/crypto/sha256.hpp"

namespace safehold::storage::detail {

// Now, UTC, RFC 3339 with Z and second precision ("2026-11-28T18:00:00Z").
inline std::string utc_now() { return schema::utc_timestamp_now(); }
// The current UTC year (for case references).
int utc_year(std::string_view rfc3339);

// A random UUID v4, lowercase.
std::string new_uuid_v4();
// True for exactly the lowercase 8-4-4-4-12 form.
bool is_uuid(std::string_view s) noexcept;

using crypto::to_hex;
std::string random_hex(std::size_t bytes);

using Sha256 = std::array<std::uint8_t, 32>;
Sha256 sha256(std::span<const std::uint8_t> data) noexcept;
Sha256 sha256(std::string_view data) noexcept;

inline std::span<const std::uint8_t> as_bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace safehold::storage::detail
