#pragma once
// Internal: rows of the bundle tables shared by the ledger, record import and
// incoming attachments.
#include <optional>
#include <string>
#include <string_view>

#include "safehold/storage/bundle_ledger.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// invalid_argument unless a transaction (a Batch) is open on `s`.
[[nodiscard]] expected<void, StorageError> require_batch(VaultState& s);
[[nodiscard]] expected<std::optional<ImportedBundle>, StorageError> find_imported_bundle(VaultState& s,
                                                                                        std::string_view signer_key,
                                                                                        std::string_view bundle_id);
// Keeps an incoming copy aside as a conflict (record_conflicts), audited.
[[nodiscard]] expected<void, StorageError> set_aside(VaultState& s, std::string_view bundle_id,
                                                     std::string_view signer_key, const IncomingRecord& incoming,
                                                     const std::string& reason);
[[nodiscard]] expected<void, StorageError> set_provenance(VaultState& s, std::string_view record_id,
                                                          std::string_view bundle_id, std::string_view signer_key);

}  // namespace safehold::storage::detail
