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
// A canonical X25519 recipient: "age1…" that the age layer parses (Bech32
// checksum, 32-byte key) and re-encodes to the same text.
[[nodiscard]] bool is_age_recipient(std::string_view s);

}  // namespace safehold::core::bundle
