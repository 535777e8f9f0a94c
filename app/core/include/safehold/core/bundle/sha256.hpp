#pragma once
// The bundle format hashes with the project's one SHA-256
// (safehold/crypto/sha256.hpp); these names keep the format code short.
#include <cstdint>
#include <span>
#include <string_view>

#include "safehold/crypto/sha256.hpp"

namespace safehold::core::bundle {

using crypto::digests_equal;
using crypto::parse_sha256_hex;
using crypto::Sha256;
using crypto::sha256_of;
using crypto::Sha256Digest;
using crypto::to_hex;

inline std::span<const std::uint8_t> as_bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
inline std::string_view as_text(std::span<const std::uint8_t> b) noexcept {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace safehold::core::bundle
