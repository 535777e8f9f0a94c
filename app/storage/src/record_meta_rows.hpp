#pragma once
// Internal: the owner and revision columns of a record's row.
#include <string_view>

#include "safehold/storage/record_meta.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// not_found if there is no such record.
[[nodiscard]] expected<RecordMeta, StorageError> load_meta(VaultState& s, std::string_view id);
[[nodiscard]] expected<void, StorageError> write_meta(VaultState& s, std::string_view id, const RecordMeta& meta);

}  // namespace safehold::storage::detail
