#pragma once
// Errors of the age v1 implementation. The first six kinds are exactly the
// outcomes the C2SP age test vectors name, so a caller (and the vector test)
// can tell "not for me" from "damaged" from "tampered with".
#include <optional>
#include <string>

#include "safehold/base/byte_io.hpp"

namespace safehold::age {

enum class AgeError {
  no_match,            // no identity could unwrap any stanza (not addressed to us)
  hmac_failure,        // the header MAC does not verify: the header was altered
  header_failure,      // the header is malformed or breaks a rule of the spec
  payload_failure,     // the payload is truncated, tampered with or malformed
  armor_failure,       // the ASCII armor is malformed
  io,                  // the underlying source or sink failed (see AgeFailure::io)
  invalid_key,         // a recipient or identity string does not parse
  invalid_recipients,  // encrypt: no recipient, or scrypt mixed with others
};

// One-line description of the kind; never contains data.
const char* describe(AgeError e) noexcept;

// A failure with context. `detail` is static text naming the rule that failed
// (e.g. "X25519 share is not 32 bytes"); it never holds file content or keys.
struct AgeFailure {
  AgeError code = AgeError::header_failure;
  const char* detail = "";
  std::optional<base::IoError> io;  // set when code == AgeError::io
};

// "header failure: X25519 share is not 32 bytes" (one line, no data).
std::string describe(const AgeFailure& f);

[[nodiscard]] inline unexpected<AgeFailure> age_fail(AgeError code, const char* detail) {
  return unexpected(AgeFailure{code, detail, std::nullopt});
}
[[nodiscard]] inline unexpected<AgeFailure> age_io_fail(base::IoError e) {
  return unexpected(AgeFailure{AgeError::io, base::describe(e), e});
}

}  // namespace safehold::age
