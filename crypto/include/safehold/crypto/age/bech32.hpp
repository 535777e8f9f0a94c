#pragma once
// Bech32 (BIP 173) as age uses it: no length limit on the data part; a string
// is all lowercase or all uppercase (mixed case is rejected); the checksum is
// computed over the lowercase form. The human-readable part (HRP) is compared
// exactly, case included: recipients are "age1…" (lowercase), identities
// "AGE-SECRET-KEY-1…" (uppercase).
//
// Intermediate 5-bit groups live in guarded memory, and encode() writes into a
// caller-provided buffer, so identities never pass through ordinary strings.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "safehold/crypto/age/error.hpp"

namespace safehold::age::bech32 {

// Characters needed to encode `data_size` bytes under an HRP of `hrp_size`.
std::size_t encoded_size(std::size_t hrp_size, std::size_t data_size) noexcept;

// Writes the encoding of `data` under `hrp` into `out`, which must hold
// exactly encoded_size() characters (std::invalid_argument otherwise, as for
// an HRP that is empty, not printable ASCII, or of mixed case). The output has
// the case of the HRP.
void encode(std::string_view hrp, std::span<const std::uint8_t> data, std::span<char> out);

// Convenience for public data (recipients).
std::string encode(std::string_view hrp, std::span<const std::uint8_t> data);

// Decodes `text` whose HRP must equal `hrp` exactly; writes the data to `out`
// and returns its size. Fails with AgeError::invalid_key (wrong HRP, mixed
// case, bad character, bad checksum, non-zero padding, or data longer than
// `out`).
[[nodiscard]] expected<std::size_t, AgeFailure> decode(std::string_view text, std::string_view hrp,
                                                       std::span<std::uint8_t> out);

}  // namespace safehold::age::bech32
