#pragma once
// Internal: failures of the disclosure module.
#include <string>

#include "safehold/core/disclosure/disclosure.hpp"

namespace safehold::core::disclosure {

inline unexpected<DisclosureFailure> disclosure_fail(DisclosureError code, std::string detail) {
  return unexpected(DisclosureFailure{code, std::move(detail), std::nullopt});
}

inline unexpected<DisclosureFailure> from_storage(const storage::StorageError& e) {
  return unexpected(DisclosureFailure{DisclosureError::vault_failed, e.describe(), e});
}

}  // namespace safehold::core::disclosure
