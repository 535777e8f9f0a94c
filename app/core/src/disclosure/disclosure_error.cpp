// One-line descriptions of disclosure failures and withheld-field reasons.
#include "safehold/core/disclosure/disclosure.hpp"

namespace safehold::core::disclosure {

std::string DisclosureFailure::describe() const {
  const char* what = "the vault failed";
  switch (code) {
    case DisclosureError::not_found: what = "not found"; break;
    case DisclosureError::invalid_input: what = "not an audience"; break;
    case DisclosureError::vault_failed: break;
  }
  return detail.empty() ? std::string(what) : std::string(what) + ": " + detail;
}

const char* describe(WithheldReason reason) noexcept {
  switch (reason) {
    case WithheldReason::identifying: return "identifying";
    case WithheldReason::names_other_holders: return "names other holders of the case";
  }
  return "withheld";
}

}  // namespace safehold::core::disclosure
