#include "base64.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace safehold::age::detail {
namespace {

constexpr int kNoPad = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
constexpr int kPad = sodium_base64_VARIANT_ORIGINAL;

bool decode_with(std::string_view text, std::span<std::uint8_t> out, int variant,
                 std::size_t& decoded) {
  const char* end = nullptr;
  decoded = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &decoded, &end,
                        variant) != 0) {
    return false;
  }
  // libsodium stops at the first character it does not take: the whole input
  // must have been consumed (this rejects '=' in unpadded text, and garbage).
  return end == text.data() + text.size();
}

}  // namespace

void b64_encode_append(std::span<const std::uint8_t> data, std::string& out) {
  const std::size_t len = sodium_base64_ENCODED_LEN(data.size(), kNoPad);  // includes NUL
  const std::size_t old = out.size();
  out.resize(old + len);
  sodium_bin2base64(out.data() + old, len, data.data(), data.size(), kNoPad);
  out.resize(old + len - 1);
}

std::string b64_encode(std::span<const std::uint8_t> data) {
  std::string out;
  b64_encode_append(data, out);
  return out;
}

bool b64_decode(std::string_view text, std::vector<std::uint8_t>& out) {
  out.resize(text.size() / 4 * 3 + 3);
  std::size_t n = 0;
  if (!decode_with(text, out, kNoPad, n)) {
    out.clear();
    return false;
  }
  out.resize(n);
  return true;
}

bool b64_decode_exact(std::string_view text, std::span<std::uint8_t> out) {
  // The canonical text of n bytes has exactly ceil(4n/3) characters; checking
  // the length first also keeps libsodium from writing past `out`.
  if (text.size() != (out.size() * 4 + 2) / 3) return false;
  std::size_t n = 0;
  return decode_with(text, out, kNoPad, n) && n == out.size();
}

long b64_decode_padded(std::string_view text, std::span<std::uint8_t> out) {
  if (text.size() % 4 != 0 || text.size() / 4 * 3 > out.size()) return -1;
  std::size_t n = 0;
  if (!decode_with(text, out, kPad, n)) return -1;
  return static_cast<long>(n);
}

std::size_t b64_encode_line(std::span<const std::uint8_t> data, char* out) {
  char tmp[sodium_base64_ENCODED_LEN(kArmorLineBytes, sodium_base64_VARIANT_ORIGINAL)];
  if (data.size() > kArmorLineBytes) std::abort();  // programmer error
  sodium_bin2base64(tmp, sizeof tmp, data.data(), data.size(), kPad);
  const std::size_t n = std::strlen(tmp);
  std::memcpy(out, tmp, n);
  return n;
}

}  // namespace safehold::age::detail
