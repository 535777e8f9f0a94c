#pragma once
// Internal: the identity row (schema/migrations/0002_exchange.sql).
#include "vault_state.hpp"

namespace safehold::storage::detail {

// Makes the vault's identity if it has none yet (a new vault, or one made
// before identities existed), in its own transaction, audited as
// identity_created. Called by Vault::create and Vault::unlock.
[[nodiscard]] expected<void, StorageError> ensure_identity(VaultState& s);

}  // namespace safehold::storage::detail
