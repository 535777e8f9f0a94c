#pragma once
// The small text formats a bundle manifest is made of (schema/bundle-v1.md
// sections 3.3 and 4.1). Each check accepts exactly one spelling.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safehold::core::bundle {

// Lowercase UUID version 4 with the RFC 4122 variant (8, 9, a or b).
[[nodiscard]] bool is_uuid4(std::string_view s) noexcept;
// A fresh random one (OS CSPRNG).
std::string random_uuid4();

// "YYYY-MM-DDTHH:MM:SSZ", a real calendar date from 1970 to 9999.
std::string format_utc(std::int64_t unix_seconds);
[[nodiscard]] std::optional<std::int64_t> parse_utc(std::string_view text) noexcept;

// 1-32 bytes of 0-9 A-Z a-z . + ~ -
[[nodiscard]] bool is_app_version(std::string_view s) noexcept;
// 1-128 bytes of valid UTF-8 with no C0/C1 control character and no DEL.
[[nodiscard]] bool is_sender_name(std::string_view s) noexcept;
// "age1" + 58 Bech32 data characters (lowercase): the shape of an X25519
// recipient. The checksum is verified by the age layer where keys are used.
[[nodiscard]] bool looks_like_age_recipient(std::string_view s) noexcept;


// A minisign public key as the base64 line of its key file:
// base64("Ed" || key id (8) || Ed25519 public key (32)), 56 characters.
struct MinisignKeyLine {
  std::uint8_t key_id[8];
  std::uint8_t public_key[32];
};
[[nodiscard]] std::optional<MinisignKeyLine> parse_minisign_key_line(std::string_view line) noexcept;

// The key id as minisign prints it: 16 uppercase hex digits of the id read as
// a little-endian 64-bit integer.
std::string minisign_key_id_text(const std::uint8_t (&key_id)[8]);

}  // namespace safehold::core::bundle
