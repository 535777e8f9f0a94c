#include "minisign_text.hpp"

#include <sodium.h>

#include <array>

namespace safehold::crypto::minisign::detail {

bool split_lines(std::string_view text, std::span<std::string_view> lines,
                 std::span<const std::size_t> max_line_bytes) noexcept {
  if (lines.size() != max_line_bytes.size()) return false;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool last = i + 1 == lines.size();
    const std::size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos && !last) return false;
    const std::size_t end = lf == std::string_view::npos ? text.size() : lf + 1;
    if (end - pos > max_line_bytes[i]) return false;
    std::string_view line = text.substr(pos, (lf == std::string_view::npos ? text.size() : lf) - pos);
    if (lf != std::string_view::npos && !line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.find('\r') != std::string_view::npos || line.find('\0') != std::string_view::npos) {
      return false;
    }
    lines[i] = line;
    pos = end;
  }
  return pos == text.size();
}

bool split_key_file(std::string_view text, std::size_t bin_len,
                    std::string_view& b64_line) noexcept {
  std::array<std::string_view, 2> lines;
  const std::array<std::size_t, 2> max{kMaxCommentLineBytes, base64_length(bin_len) + 2};
  std::string_view comment;
  if (!split_lines(text, lines, max) || !strip_prefix(lines[0], kUntrustedPrefix, comment)) {
    return false;
  }
  b64_line = lines[1];
  return true;
}

namespace {

bool base64_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

}  // namespace

bool decode_base64_exact(std::string_view b64, std::span<std::uint8_t> out) noexcept {
  if (out.empty() || b64.size() != base64_length(out.size())) return false;
  // libsodium 1.0.18 decodes every byte >= 0x80 as an alias of some base64
  // character (a second encoding of the same bytes), so check the alphabet
  // here; '=' may only pad the end, and libsodium checks how much.
  const std::size_t data_chars = b64.find_last_not_of('=') + 1;
  for (std::size_t i = 0; i < data_chars; ++i) {
    if (!base64_char(b64[i])) return false;
  }
  std::size_t decoded = 0;
  // No ignore set and no end pointer: libsodium then requires the whole input
  // to be consumed, the padding to be exact and the unused bits to be zero.
  const int rc = sodium_base642bin(out.data(), out.size(), b64.data(), b64.size(), nullptr,
                                   &decoded, nullptr, sodium_base64_VARIANT_ORIGINAL);
  return rc == 0 && decoded == out.size();
}

std::string encode_base64(std::span<const std::uint8_t> bin) {
  std::string out(base64_length(bin.size()) + 1, '\0');
  sodium_bin2base64(out.data(), out.size(), bin.data(), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

SecretBuffer encode_base64_secret(std::span<const std::uint8_t> bin) {
  SecretBuffer out(base64_length(bin.size()) + 1);
  sodium_bin2base64(reinterpret_cast<char*>(out.data()), out.size(), bin.data(), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.truncate(out.size() - 1);
  return out;
}

bool strip_prefix(std::string_view line, std::string_view prefix,
                  std::string_view& rest) noexcept {
  if (!line.starts_with(prefix)) return false;
  rest = line.substr(prefix.size());
  return true;
}

bool writable_comment(std::string_view text, std::size_t max) noexcept {
  return text.size() <= max && text.find_first_of(std::string_view("\r\n\0", 3)) ==
                                   std::string_view::npos;
}

}  // namespace safehold::crypto::minisign::detail
