#pragma once
// Internal: the decision for one incoming record of a bundle.
#include <string>
#include <string_view>

#include "safehold/storage/bundle_ledger.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

struct Decision {
  IncomingVerdict verdict;
  Record store;     // fresh, newer, upgraded: what to write (a newer copy may keep held values)
  RecordMeta meta;  // and its owner (as stored: '' = this vault) and revision
};

// A key line as records.owner_key stores it: '' when it is this vault's.
[[nodiscard]] expected<std::string, StorageError> as_stored_owner(VaultState& s, std::string_view key);
[[nodiscard]] expected<Decision, StorageError> decide(VaultState& s, const IncomingRecord& incoming,
                                                      std::string_view signer_key);

}  // namespace safehold::storage::detail
