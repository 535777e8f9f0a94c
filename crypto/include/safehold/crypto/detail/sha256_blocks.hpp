#pragma once
// The SHA-256 compression function (FIPS 180-4, 6.2.2) over whole 64-byte
// blocks, in two implementations. Exposed for the tests, which check each
// against libsodium; everything else uses Sha256.
#include <array>
#include <cstddef>
#include <cstdint>

namespace safehold::crypto::detail {

using Sha256State = std::array<std::uint32_t, 8>;
using Sha256BlocksFn = void (*)(Sha256State& state, const std::uint8_t* blocks,
                                std::size_t count) noexcept;

void sha256_blocks_portable(Sha256State& state, const std::uint8_t* blocks,
                            std::size_t count) noexcept;
// x86 SHA extensions; call only when sha256_has_sha_extensions().
void sha256_blocks_sha_ni(Sha256State& state, const std::uint8_t* blocks,
                          std::size_t count) noexcept;
[[nodiscard]] bool sha256_has_sha_extensions() noexcept;

// The implementation Sha256 uses on this CPU.
Sha256BlocksFn sha256_blocks() noexcept;

}  // namespace safehold::crypto::detail
