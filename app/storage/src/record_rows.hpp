#pragma once
// Internal: reading and writing rows of the `records` table, and the JSON of
// record fields (always dumped strictly, so invalid UTF-8 never reaches disk).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/schema/model.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// The entity's definition in the built-in model, or nullptr.
const schema::EntityDef* entity_def(std::string_view entity) noexcept;

// Canonical compact JSON (nlohmann sorts object keys); invalid_record if the
// value holds invalid UTF-8.
[[nodiscard]] expected<std::string, StorageError> dump_json(const nlohmann::json& value);
// SHA-256 of the record's canonical JSON: the audit digest of a change.
[[nodiscard]] expected<std::array<std::uint8_t, 32>, StorageError> record_digest(const Record& record);

[[nodiscard]] expected<std::optional<Record>, StorageError> find_record(VaultState& s, std::string_view id);
[[nodiscard]] expected<Record, StorageError> load_record(VaultState& s, std::string_view id);
// Records of a case (never the case record), optionally of one entity, oldest first.
[[nodiscard]] expected<std::vector<Record>, StorageError> load_case_records(VaultState& s,
                                                                            std::string_view case_id,
                                                                            std::string_view entity);
[[nodiscard]] expected<std::vector<Record>, StorageError> load_entity_records(VaultState& s,
                                                                              std::string_view entity);

// Inserts the row (its owner and revision: write_meta); returns its rid
// (the full-text rowid).
[[nodiscard]] expected<std::int64_t, StorageError> insert_record_row(VaultState& s, const Record& r,
                                                                     const std::string& fields_json);
// The owner of a record: its minisign public key line, '' for this vault's
// own identity; nullopt if there is no such record.
[[nodiscard]] expected<std::optional<std::string>, StorageError> record_owner_key(VaultState& s,
                                                                                 std::string_view id);
[[nodiscard]] expected<std::int64_t, StorageError> update_record_row(VaultState& s, const Record& r,
                                                                     const std::string& fields_json);
[[nodiscard]] expected<void, StorageError> delete_record_row(VaultState& s, std::string_view id);

// Replaces the outgoing references of `from_id`.
[[nodiscard]] expected<void, StorageError> set_record_refs(VaultState& s, std::string_view from_id,
                                                           const std::vector<std::string>& to_ids);
// Ids of records referring to `id`.
[[nodiscard]] expected<std::vector<std::string>, StorageError> referrers(VaultState& s, std::string_view id);

}  // namespace safehold::storage::detail
