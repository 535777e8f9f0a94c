#include "safehold/storage/error.hpp"

namespace safehold::storage {

const char* describe(VaultError e) noexcept {
  switch (e) {
    case VaultError::not_a_vault: return "this folder is not a Safehold vault (no vault.key)";
    case VaultError::already_exists: return "a vault or other files already exist in this folder";
    case VaultError::in_use: return "the vault is open in another Safehold program";
    case VaultError::key_file_malformed: return "the vault key file is damaged or truncated";
    case VaultError::wrong_passphrase: return "wrong passphrase";
    case VaultError::database_missing: return "the vault database file is missing";
    case VaultError::database_corrupt: return "the vault database is damaged";
    case VaultError::schema_too_new:
      return "this vault was written by a newer version of Safehold; update Safehold to open it";
    case VaultError::kdf_params_invalid: return "the passphrase hashing parameters are out of range";
    case VaultError::out_of_memory: return "not enough memory to derive the key from the passphrase";
    case VaultError::locked: return "the vault is locked";
    case VaultError::not_found: return "no such item in the vault";
    case VaultError::ambiguous_reference: return "several cases have this reference; give the case id";
    case VaultError::invalid_record: return "the record is not valid";
    case VaultError::invalid_reference: return "the record refers to something that is not in this case";
    case VaultError::consent_required: return "a consent record is needed first";
    case VaultError::consent_scope_refused: return "the consent given does not allow this";
    case VaultError::has_dependents: return "other records refer to this record";
    case VaultError::not_allowed: return "this change is not allowed";
    case VaultError::attachment_exists: return "this evidence item already has content";
    case VaultError::attachment_corrupt: return "the attachment file is missing or damaged";
    case VaultError::invalid_query: return "the search query is not valid";
    case VaultError::invalid_argument: return "invalid argument";
    case VaultError::cancelled: return "cancelled; nothing was changed";
    case VaultError::disk_full: return "the disk is full; nothing was changed";
    case VaultError::io_failed: return "input/output error";
    case VaultError::permission_denied: return "permission denied";
    case VaultError::internal: return "unexpected database error";
  }
  return "unexpected error";
}

std::string StorageError::describe() const {
  std::string out = storage::describe(code);
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

}  // namespace safehold::storage
