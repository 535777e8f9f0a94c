#pragma once
// Internal: the attachments table (one row per encrypted file, holding its
// key) and crypto-shredding.
#include <optional>
#include <string>

#include "safehold/crypto/secret.hpp"
#include "safehold/storage/attachments.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

struct AttachmentRow {
  AttachmentInfo info;
  std::string file_name;     // under attachments/
  crypto::SecretBuffer key;  // the file's STREAM key
};

[[nodiscard]] expected<std::optional<AttachmentRow>, StorageError> find_attachment(VaultState& s,
                                                                                   std::string_view id);
[[nodiscard]] expected<std::optional<AttachmentRow>, StorageError> find_attachment_of(VaultState& s,
                                                                                      std::string_view evidence_id);
[[nodiscard]] expected<void, StorageError> insert_attachment(VaultState& s, const AttachmentRow& row);
// Inside a transaction: deletes the key row, audits, and removes the file
// once the transaction commits. Nothing to do if the evidence has no content.
[[nodiscard]] expected<void, StorageError> shred_attachment_of(VaultState& s, std::string_view evidence_id);
[[nodiscard]] expected<void, StorageError> shred_attachment(VaultState& s, const AttachmentRow& row);

}  // namespace safehold::storage::detail
