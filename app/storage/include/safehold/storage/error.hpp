#pragma once
// The one error type of safehold_storage. Every public operation returns
// safehold::expected<T, StorageError>.
//
// Contract: `detail` holds only record ids, entity names, field names,
// vocabulary codes, consent scope names, case references, counts and SQLite
// result-code names. It never holds testimony, names of people, passphrases,
// key material or paths of attachments, so it may be shown and logged.
#include <string>

namespace safehold::storage {

enum class VaultError {
  // Opening and creating a vault
  not_a_vault,          // the folder has no vault.key
  already_exists,       // create: the folder exists and is not empty
  in_use,               // another process has this vault open
  key_file_malformed,   // vault.key is truncated, damaged or not a Safehold key file
  wrong_passphrase,     // vault.key is well formed but the passphrase does not open it
  database_missing,     // vault.key is present but the database file is not
  database_corrupt,     // the database does not authenticate or is damaged
  schema_too_new,       // the vault was written by a newer Safehold
  kdf_params_invalid,   // Argon2id parameters outside the accepted range
  out_of_memory,        // Argon2id could not get the memory it asks for
  // Using a vault
  locked,               // the vault is locked; unlock it again
  not_found,            // no record / attachment / draft with that id
  ambiguous_reference,  // a case reference that several cases hold (detail: their ids and senders)
  invalid_record,       // safehold_schema refused the fields (detail: field and reason)
  invalid_reference,    // a referenced record is missing, in another case or of the wrong kind
  consent_required,     // the case has no consent record yet (detail: case reference, entity)
  consent_scope_refused,  // a field needs a consent scope that is not "yes" (detail: scope)
  has_dependents,       // delete refused: other records refer to this one (detail: their ids)
  not_allowed,          // the operation is not allowed for this record (detail says why)
  attachment_exists,    // the evidence item already has content
  attachment_corrupt,   // an attachment file is missing, damaged or does not match its hash
  invalid_query,        // a search query could not be understood
  invalid_argument,     // an argument outside what the call accepts (detail says which)
  cancelled,            // the caller cancelled a long operation; nothing was changed
  // Storage below
  disk_full,
  io_failed,
  permission_denied,
  internal,             // an unexpected database result (detail: SQLite code name)
};

// One line, no user data.
const char* describe(VaultError e) noexcept;

struct StorageError {
  VaultError code = VaultError::internal;
  std::string detail;

  // "<describe(code)>" or "<describe(code)> (<detail>)".
  std::string describe() const;
};

inline StorageError make_error(VaultError code, std::string detail = {}) {
  return StorageError{code, std::move(detail)};
}

}  // namespace safehold::storage
