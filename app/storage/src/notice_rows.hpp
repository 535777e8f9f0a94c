#pragma once
// Internal: notices as stored in issued_notices / applied_notices (the
// `body` column: ids, codes and times only).
#include <string>

#include "safehold/storage/notices.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

[[nodiscard]] std::string notice_body(const Notice& n);
// The notice a body describes (id, and owner_key, from the row).
[[nodiscard]] Notice notice_from_body(const std::string& id, const std::string& owner_key, const std::string& body);

}  // namespace safehold::storage::detail
