#pragma once
// Line and base64 rules shared by the minisign parsers and writers (private
// to safehold_crypto).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "safehold/crypto/secret.hpp"

namespace safehold::crypto::minisign::detail {

inline constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
inline constexpr std::string_view kTrustedPrefix = "trusted comment: ";
// minisign reads lines with fgets into fixed buffers; a line (with its
// terminator) longer than the buffer minus the NUL is read differently or
// refused, so these are the most we accept.
inline constexpr std::size_t kMaxCommentLineBytes = 1023;
inline constexpr std::size_t kMaxTrustedCommentLineBytes = 8191;
// The largest well-formed file (a signature with the longest comments).
inline constexpr std::size_t kMaxFileBytes = 16 * 1024;

inline constexpr std::uint8_t kSigAlg[2] = {'E', 'd'};
inline constexpr std::uint8_t kSigAlgHashed[2] = {'E', 'D'};

// Splits `text` into exactly lines.size() lines. Each ends in LF or CRLF, the
// last may lack its terminator; nothing may follow it. A line (terminator
// included) is at most max_line_bytes[i] long and holds no other CR and no NUL.
// On success `lines` views the contents without terminators.
[[nodiscard]] bool split_lines(std::string_view text, std::span<std::string_view> lines,
                               std::span<const std::size_t> max_line_bytes) noexcept;

// A two-line key file: "untrusted comment: …" then the base64 of a
// `bin_len`-byte structure. Views that base64 line (not yet decoded).
[[nodiscard]] bool split_key_file(std::string_view text, std::size_t bin_len,
                                  std::string_view& b64_line) noexcept;

// Decodes padded standard base64 that encodes exactly out.size() bytes in its
// canonical form (right length, correct padding, zero trailing bits).
[[nodiscard]] bool decode_base64_exact(std::string_view b64, std::span<std::uint8_t> out) noexcept;

// Length of padded base64 for bin_len bytes (no NUL).
constexpr std::size_t base64_length(std::size_t bin_len) noexcept {
  return (bin_len + 2) / 3 * 4;
}
std::string encode_base64(std::span<const std::uint8_t> bin);
// For secret material: the encoding never leaves guarded memory.
SecretBuffer encode_base64_secret(std::span<const std::uint8_t> bin);

// The comment text after `prefix`, or false if the line does not start with it.
[[nodiscard]] bool strip_prefix(std::string_view line, std::string_view prefix,
                                std::string_view& rest) noexcept;

// A comment we are asked to write: one line (no CR, LF, NUL), at most `max` bytes.
[[nodiscard]] bool writable_comment(std::string_view text, std::size_t max) noexcept;

}  // namespace safehold::crypto::minisign::detail
