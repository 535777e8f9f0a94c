#include "safehold/crypto/age/error.hpp"

namespace safehold::age {

const char* describe(AgeError e) noexcept {
  switch (e) {
    case AgeError::no_match: return "the file is not encrypted to any of the given keys";
    case AgeError::hmac_failure: return "the file header has been altered (MAC mismatch)";
    case AgeError::header_failure: return "the file header is malformed";
    case AgeError::payload_failure: return "the encrypted data is damaged, truncated or tampered with";
    case AgeError::armor_failure: return "the ASCII armor is malformed";
    case AgeError::io: return "input/output error";
    case AgeError::invalid_key: return "invalid age key";
    case AgeError::invalid_recipients: return "invalid set of recipients";
  }
  return "age error";
}

std::string describe(const AgeFailure& f) {
  std::string out = describe(f.code);
  if (f.detail != nullptr && *f.detail != '\0') {
    out += ": ";
    out += f.detail;
  }
  return out;
}

}  // namespace safehold::age
