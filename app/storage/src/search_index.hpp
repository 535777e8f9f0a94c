#pragma once
// Internal: keeping the full-text index in step with records.
#include <cstdint>

#include "safehold/schema/model.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// Replaces the indexed text of row `rid` with the record's searchable fields
// (identifying ones included: the index never leaves the encrypted database).
[[nodiscard]] expected<void, StorageError> index_record(VaultState& s, std::int64_t rid, const Record& record,
                                                        const schema::EntityDef& def);
[[nodiscard]] expected<void, StorageError> unindex_record(VaultState& s, std::string_view record_id);

}  // namespace safehold::storage::detail
