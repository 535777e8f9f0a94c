#pragma once
// Internal: the ownership rule of schema/bundle-v1.md 12.2 for local writes
// and imports. Owner keys are minisign public key lines; '' is this vault.
#include <string>
#include <string_view>

#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// "this vault" or "the vault with key id …" (no names: error text only).
std::string owner_label(std::string_view owner_key);
// not_found if there is no such record.
[[nodiscard]] expected<std::string, StorageError> owner_of(VaultState& s, std::string_view id);
// not_allowed unless this vault owns `r` (`verb`: "changed", "deleted").
[[nodiscard]] expected<void, StorageError> require_own_record(VaultState& s, const Record& r, std::string_view verb);
// not_allowed unless `owner_key` owns the case: consent is the case owner's.
[[nodiscard]] expected<void, StorageError> require_case_owner(VaultState& s, std::string_view case_id,
                                                              std::string_view owner_key);

}  // namespace safehold::storage::detail
