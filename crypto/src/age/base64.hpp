#pragma once
// Internal: the base64 forms age uses, on libsodium's constant-time codec,
// which already rejects non-canonical trailing bits and bad lengths.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace safehold::age::detail {

// Standard alphabet, no padding (age header).
std::string b64_encode(std::span<const std::uint8_t> data);
void b64_encode_append(std::span<const std::uint8_t> data, std::string& out);

// Canonical, unpadded base64 to bytes; false on any deviation.
[[nodiscard]] bool b64_decode(std::string_view text, std::vector<std::uint8_t>& out);

// Canonical, unpadded base64 of exactly out.size() bytes.
[[nodiscard]] bool b64_decode_exact(std::string_view text, std::span<std::uint8_t> out);

// Padded base64 (armor lines): the whole of `text` must be one canonical
// padded encoding; returns the decoded size or -1.
[[nodiscard]] long b64_decode_padded(std::string_view text, std::span<std::uint8_t> out);
// Bytes per full armor line (64 base64 characters).
inline constexpr std::size_t kArmorLineBytes = 48;
// Padded encoding of at most kArmorLineBytes bytes (one armor line) into
// `out` (room for 64 chars); returns the characters written.
std::size_t b64_encode_line(std::span<const std::uint8_t> data, char* out);

inline bool is_b64_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

}  // namespace safehold::age::detail
