#pragma once
// Internal: the one path every record write takes, inside an open
// WriteTransaction: validation by safehold_schema, case and consent checks,
// references, the row, the search index, the case summary, the audit entry.
#include "safehold/storage/audit.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// import: a new record as received in a bundle; import_update: a newer
// version of a record that an earlier bundle from the same sender brought.
// Both keep the record's timestamps and validate in read mode.
enum class WriteKind { create, update, import, import_update };

struct WriteOptions {
  WriteKind kind = WriteKind::create;
  // Bundle import stores sets whose records refer to each other (a measure and
  // its evidence): references are then checked by the caller once all are in.
  bool check_references = true;
  // Imports: the owner ('' = this vault) and revision to store as they are
  // (schema/bundle-v1.md 12). Otherwise a new record is this vault's at
  // revision 1 and an update makes the next revision.
  const RecordMeta* meta = nullptr;
};

// `record` is complete (id, timestamps, case reference already set).
[[nodiscard]] expected<void, StorageError> store_record(VaultState& s, const Record& record,
                                                        const WriteOptions& options);
// Checks that every reference of `record` names an existing record of the
// right entity in the same case, and records them for delete protection
// (`fresh`: the record has none recorded yet).
[[nodiscard]] expected<void, StorageError> check_and_store_references(VaultState& s, const Record& record,
                                                                      bool fresh);

// Deletes with the cascade rules of RecordStore::remove. `reference` goes
// into each record_deleted audit entry (a received deletion notice's id).
[[nodiscard]] expected<void, StorageError> delete_record(VaultState& s, std::string_view id,
                                                         std::string_view reference = {});

}  // namespace safehold::storage::detail
