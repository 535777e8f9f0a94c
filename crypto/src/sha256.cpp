#include "safehold/crypto/sha256.hpp"

#include <algorithm>
#include <cstring>

#include "safehold/crypto/detail/sha256_blocks.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::crypto {

namespace {
constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
}  // namespace

Sha256::Sha256() noexcept : state_(kInitial) {}

void Sha256::update(std::span<const std::uint8_t> bytes) noexcept {
  if (bytes.empty()) return;
  const auto blocks = detail::sha256_blocks();
  total_ += bytes.size();
  if (buffered_ > 0) {
    const std::size_t n = std::min(bytes.size(), block_.size() - buffered_);
    std::memcpy(block_.data() + buffered_, bytes.data(), n);
    buffered_ += n;
    bytes = bytes.subspan(n);
    if (buffered_ < block_.size()) return;
    blocks(state_, block_.data(), 1);
    buffered_ = 0;
  }
  const std::size_t whole = bytes.size() / 64;
  if (whole > 0) blocks(state_, bytes.data(), whole);
  bytes = bytes.subspan(whole * 64);
  if (!bytes.empty()) std::memcpy(block_.data(), bytes.data(), bytes.size());
  buffered_ = bytes.size();
}

void Sha256::update(std::string_view text) noexcept {
  update({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

Sha256Digest Sha256::finish() noexcept {
  // Padding: 0x80, zeros, then the length in bits, big-endian, ending a block.
  const std::uint64_t bits = total_ * 8;
  std::array<std::uint8_t, 72> pad{};
  pad[0] = 0x80;
  const std::size_t pad_len = (buffered_ < 56 ? 56 : 120) - buffered_;
  for (std::size_t i = 0; i < 8; ++i) {
    pad[pad_len + i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
  }
  update({pad.data(), pad_len + 8});
  Sha256Digest out{};
  for (std::size_t i = 0; i < 8; ++i) {
    out[4 * i] = static_cast<std::uint8_t>(state_[i] >> 24);
    out[4 * i + 1] = static_cast<std::uint8_t>(state_[i] >> 16);
    out[4 * i + 2] = static_cast<std::uint8_t>(state_[i] >> 8);
    out[4 * i + 3] = static_cast<std::uint8_t>(state_[i]);
  }
  return out;
}

Sha256Digest sha256_of(std::span<const std::uint8_t> bytes) noexcept {
  Sha256 h;
  h.update(bytes);
  return h.finish();
}

Sha256Digest sha256_of(std::string_view text) noexcept {
  Sha256 h;
  h.update(text);
  return h.finish();
}

bool digests_equal(const Sha256Digest& a, const Sha256Digest& b) noexcept {
  return equal_constant_time(a, b);
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

}  // namespace safehold::crypto
