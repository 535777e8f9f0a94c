#pragma once
// SHA-256, the project's one implementation: incremental hashing of streamed
// data (bundles, attachments, records, the audit chain), lowercase hex as in
// `sha256sum`, strict hex parsing, constant-time comparison.
//
// Hashing is the most expensive step of sealing and opening a bundle, so the
// compression function uses the x86 SHA extensions where the CPU has them
// (about five times libsodium's portable code) and a portable one elsewhere;
// both are checked against libsodium and `sha256sum` by the tests.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace safehold::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::span<const std::uint8_t> bytes) noexcept;
  void update(std::string_view text) noexcept;
  [[nodiscard]] Sha256Digest finish() noexcept;  // the object is spent afterwards

 private:
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> block_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_ = 0;
};

[[nodiscard]] Sha256Digest sha256_of(std::span<const std::uint8_t> bytes) noexcept;
[[nodiscard]] Sha256Digest sha256_of(std::string_view text) noexcept;

// Constant-time comparison (hashes are compared as secrets-adjacent values).
[[nodiscard]] bool digests_equal(const Sha256Digest& a, const Sha256Digest& b) noexcept;

std::string to_hex(std::span<const std::uint8_t> bytes);  // lowercase
// Exactly 64 lowercase hex digits, else nullopt.
[[nodiscard]] std::optional<Sha256Digest> parse_sha256_hex(std::string_view hex) noexcept;

}  // namespace safehold::crypto
