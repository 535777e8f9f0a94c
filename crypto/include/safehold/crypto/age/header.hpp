#pragma once
// The age v1 header: strict parsing (exactly one encoding is accepted, so
// encode(parse(bytes)) == bytes), encoding, and the header MAC.
//
//   age-encryption.org/v1
//   -> X25519 <share>           one or more stanzas; body base64 without
//   <body, 64-column lines>     padding, 64-column lines, the last one shorter
//   --- <MAC>                   HMAC-SHA-256 under HKDF(file key, "", "header")
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "safehold/crypto/age/stanza.hpp"

namespace safehold::age {

inline constexpr std::size_t kMacSize = 32;
inline constexpr std::size_t kPayloadNonceSize = 16;

// Bounds that keep a hostile header from costing unbounded memory or time.
struct HeaderLimits {
  std::size_t max_bytes = 256 * 1024;  // the whole header text
  std::size_t max_stanzas = 256;
};

struct Header {
  std::vector<Stanza> stanzas;
  std::array<std::uint8_t, kMacSize> mac{};
};

struct ParsedHeader {
  Header header;
  std::size_t size = 0;  // bytes of input the header took; the payload starts here
};

// Parses the header at the start of `bytes` (anything after it is ignored).
// Fails with header_failure (or io never: the input is in memory).
[[nodiscard]] expected<ParsedHeader, AgeFailure> parse_header(std::span<const std::uint8_t> bytes,
                                                              const HeaderLimits& limits = {});

// The header text the MAC covers: from the version line through "---".
// Stanzas must be well-formed (std::invalid_argument otherwise).
std::string encode_header_for_mac(const Header& header);
// The complete header: encode_header_for_mac() + " " + base64(mac) + "\n".
std::string encode_header(const Header& header);

// HMAC-SHA-256 of encode_header_for_mac(header) under HKDF(file key, "header").
[[nodiscard]] std::array<std::uint8_t, kMacSize> header_mac(std::span<const std::uint8_t> file_key,
                                                            const Header& header);
// Constant-time check of header.mac.
[[nodiscard]] bool verify_header_mac(std::span<const std::uint8_t> file_key, const Header& header);

// The payload key: HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload").
[[nodiscard]] crypto::SecretBuffer payload_key(std::span<const std::uint8_t> file_key,
                                               std::span<const std::uint8_t> nonce);

}  // namespace safehold::age
