#pragma once
// Internal: reads a header from a stream, consuming exactly its bytes.
#include "buffered_source.hpp"
#include "safehold/crypto/age/header.hpp"

namespace safehold::age::detail {

// Errors: header_failure for malformed text; io when the source fails (the
// caller turns that into armor_failure when the source is an armor decoder).
[[nodiscard]] expected<Header, AgeFailure> read_header(BufferedSource& in,
                                                       const HeaderLimits& limits);

}  // namespace safehold::age::detail
