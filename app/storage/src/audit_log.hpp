#pragma once
// Internal: appending to the audit chain inside an open WriteTransaction.
#include <string>

#include "safehold/storage/audit.hpp"
#include "util.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

struct AuditEvent {
  AuditAction action = AuditAction::record_created;
  std::string object_type;
  std::string object_id;
  std::string case_id;
  std::string counterparty;
  std::string reference;
  Sha256 digest{};
};

// Requires an open WriteTransaction on `s`.
[[nodiscard]] expected<AuditEntry, StorageError> append_audit(VaultState& s, const AuditEvent& event);
// Writes the genesis head (seq 0, zero hash) of a new vault.
[[nodiscard]] expected<void, StorageError> init_audit_head(VaultState& s);

}  // namespace safehold::storage::detail
