#include "safehold/crypto/age/bech32.hpp"

#include <stdexcept>

#include "safehold/crypto/secret.hpp"

namespace safehold::age::bech32 {
namespace {

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::size_t kChecksumSize = 6;

std::uint32_t polymod_step(std::uint32_t chk, std::uint8_t value) noexcept {
  static constexpr std::uint32_t kGen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                            0x2a1462b3};
  const std::uint32_t top = chk >> 25;
  chk = ((chk & 0x1ffffff) << 5) ^ value;
  for (int i = 0; i < 5; ++i) {
    if ((top >> i) & 1) chk ^= kGen[i];
  }
  return chk;
}

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Checksum state after the expanded (lowercased) HRP.
std::uint32_t hrp_polymod(std::string_view hrp) noexcept {
  std::uint32_t chk = 1;
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(lower(c) >> 5));
  chk = polymod_step(chk, 0);
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(lower(c) & 31));
  return chk;
}

int charset_index(char c) noexcept {
  c = lower(c);
  for (int i = 0; i < 32; ++i) {
    if (kCharset[i] == c) return i;
  }
  return -1;
}

bool printable(char c) noexcept { return c >= 33 && c <= 126; }

std::size_t groups_for(std::size_t data_size) noexcept { return (data_size * 8 + 4) / 5; }

}  // namespace

std::size_t encoded_size(std::size_t hrp_size, std::size_t data_size) noexcept {
  return hrp_size + 1 + groups_for(data_size) + kChecksumSize;
}

void encode(std::string_view hrp, std::span<const std::uint8_t> data, std::span<char> out) {
  bool has_lower = false, has_upper = false;
  for (char c : hrp) {
    if (!printable(c)) throw std::invalid_argument("bech32: bad HRP");
    has_lower |= (c >= 'a' && c <= 'z');
    has_upper |= (c >= 'A' && c <= 'Z');
  }
  if (hrp.empty() || (has_lower && has_upper)) throw std::invalid_argument("bech32: bad HRP");
  if (out.size() != encoded_size(hrp.size(), data.size())) {
    throw std::invalid_argument("bech32: wrong output size");
  }
  const bool up = has_upper;

  // 8-bit to 5-bit groups, zero-padded at the end.
  crypto::SecretBuffer groups(groups_for(data.size()) + kChecksumSize);
  std::size_t n = 0;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::uint8_t b : data) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      groups.data()[n++] = static_cast<std::uint8_t>((acc >> bits) & 31);
    }
  }
  if (bits > 0) groups.data()[n++] = static_cast<std::uint8_t>((acc << (5 - bits)) & 31);
  acc = 0;

  std::uint32_t chk = hrp_polymod(hrp);
  for (std::size_t i = 0; i < n; ++i) chk = polymod_step(chk, groups.data()[i]);
  for (std::size_t i = 0; i < kChecksumSize; ++i) chk = polymod_step(chk, 0);
  chk ^= 1;
  for (std::size_t i = 0; i < kChecksumSize; ++i) {
    groups.data()[n + i] = static_cast<std::uint8_t>((chk >> (5 * (5 - i))) & 31);
  }

  std::size_t o = 0;
  for (char c : hrp) out[o++] = c;
  out[o++] = '1';
  for (std::size_t i = 0; i < n + kChecksumSize; ++i) {
    const char c = kCharset[groups.data()[i]];
    out[o++] = up ? upper(c) : c;
  }
}

std::string encode(std::string_view hrp, std::span<const std::uint8_t> data) {
  std::string out(encoded_size(hrp.size(), data.size()), '\0');
  encode(hrp, data, out);
  return out;
}

expected<std::size_t, AgeFailure> decode(std::string_view text, std::string_view hrp,
                                         std::span<std::uint8_t> out) {
  bool has_lower = false, has_upper = false;
  for (char c : text) {
    if (!printable(c)) return age_fail(AgeError::invalid_key, "key contains a character outside printable ASCII");
    has_lower |= (c >= 'a' && c <= 'z');
    has_upper |= (c >= 'A' && c <= 'Z');
  }
  if (has_lower && has_upper) return age_fail(AgeError::invalid_key, "key mixes upper and lower case");
  const std::size_t sep = text.rfind('1');
  if (sep == std::string_view::npos || sep == 0) {
    return age_fail(AgeError::invalid_key, "key has no Bech32 separator");
  }
  if (text.substr(0, sep) != hrp) return age_fail(AgeError::invalid_key, "unsupported key type");
  const std::string_view part = text.substr(sep + 1);
  if (part.size() < kChecksumSize) return age_fail(AgeError::invalid_key, "key is too short");

  const std::size_t ngroups = part.size() - kChecksumSize;
  crypto::SecretBuffer groups(ngroups + 1);  // +1: never zero-sized
  std::uint32_t chk = hrp_polymod(hrp);
  for (std::size_t i = 0; i < part.size(); ++i) {
    const int v = charset_index(part[i]);
    if (v < 0) return age_fail(AgeError::invalid_key, "key contains a character outside Bech32");
    if (i < ngroups) groups.data()[i] = static_cast<std::uint8_t>(v);
    chk = polymod_step(chk, static_cast<std::uint8_t>(v));
  }
  if (chk != 1) return age_fail(AgeError::invalid_key, "key checksum does not match (typo?)");

  // 5-bit groups to bytes; the padding must be under 5 bits and all zero.
  const std::size_t size = ngroups * 5 / 8;
  if (size > out.size()) return age_fail(AgeError::invalid_key, "key is too long");
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t o = 0;
  for (std::size_t i = 0; i < ngroups; ++i) {
    acc = ((acc << 5) | groups.data()[i]) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = static_cast<std::uint8_t>((acc >> bits) & 0xff);
    }
  }
  const bool bad_padding = bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0;
  acc = 0;
  if (bad_padding) return age_fail(AgeError::invalid_key, "key has non-canonical padding");
  return o;
}

}  // namespace safehold::age::bech32
