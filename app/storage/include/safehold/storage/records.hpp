#pragma once
// Records of every entity of the data model, in the shape of DEVELOPERS.md
// "Records". Every write is validated by safehold_schema, checked against the
// case's consent (docs/storage.md "Consent"), indexed for search and the case
// list, and audited, in one transaction.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/storage/record_meta.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/scan.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

struct Record {
  std::string id;          // UUID v4, lowercase
  std::string entity;      // "case", "person", "incident"...
  std::string case_id;     // "" for case and contact
  std::string created_at;  // UTC, RFC 3339, second precision
  std::string updated_at;
  nlohmann::json fields = nlohmann::json::object();

  // {"id", "entity", "case_id" (omitted when empty), "created_at", "updated_at", "fields"}
  nlohmann::json to_json() const;
  // Strict: exactly those keys, of those types (invalid_record otherwise).
  [[nodiscard]] static expected<Record, StorageError> from_json(const nlohmann::json& j);
};

// Some top-level fields of a record, without the rest (RecordStore::scan_fields).
struct PartialRecord {
  std::string case_id;                                // "" for case and contact
  nlohmann::json fields = nlohmann::json::object();  // only the asked-for fields the record has
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class RecordStore {
 public:
  explicit RecordStore(detail::VaultState* state) noexcept : s_(state) {}

  // Creates a record with a new id and timestamps. `case_id` is "" for
  // entities outside a case (case, contact) and required for all others. For
  // a case, the vault assigns fields.reference ("SH-<year>-<NNNN>", a per-year
  // sequence that skips references imported cases hold); a reference given
  // by the caller is refused.
  // Errors: invalid_record, invalid_reference, not_found (case), consent_required,
  // consent_scope_refused, plus storage errors.
  [[nodiscard]] expected<Record, StorageError> create(std::string_view entity, std::string_view case_id,
                                                      nlohmann::json fields);
  [[nodiscard]] expected<Record, StorageError> get(std::string_view id);
  // Replaces the fields (all of them) and bumps updated_at. A case keeps its
  // reference. Same checks as create().
  [[nodiscard]] expected<Record, StorageError> update(std::string_view id, nlohmann::json fields);
  // Deletes a record. Cascade rules (docs/storage.md "Deleting"): a case takes
  // every record of the case and their attachments with it; an evidence item
  // takes its custody events and its attachment; a record that another record
  // still refers to is refused (has_dependents); the last consent record of a
  // case that holds records needing consent is refused (not_allowed).
  [[nodiscard]] expected<void, StorageError> remove(std::string_view id);
  // Who owns a record (schema/bundle-v1.md 12.2): the minisign public key
  // line of the identity that created it, "" when that is this vault. Only
  // the owner changes or deletes a record: update and remove refuse another
  // identity's (not_allowed; deleting a whole case held as a copy is allowed),
  // and only the case owner records consent (create refuses, not_allowed).
  [[nodiscard]] expected<std::string, StorageError> owner(std::string_view id);
  // Owner ("" = this vault), revision and withheld fields of a record.
  [[nodiscard]] expected<RecordMeta, StorageError> meta(std::string_view id);

  // Records of a case (the case record itself excluded), optionally of one
  // entity, oldest first.
  [[nodiscard]] expected<std::vector<Record>, StorageError> list(std::string_view case_id,
                                                                 std::string_view entity = {});
  // Every record of an entity across the vault (e.g. all contacts), oldest first.
  [[nodiscard]] expected<std::vector<Record>, StorageError> list_entity(std::string_view entity);
  // Every record of an entity, reading only the named top-level fields (SQL
  // picks them out of the stored JSON, so a narrative is never parsed):
  // statistics over 100,000 cases. `each` is called once per record, oldest
  // first, and must not use the vault (its lock is held). Runs in chunks
  // (scan.hpp: the lock is released between them; cancelled when `hooks`
  // asks). Field names are [a-z0-9_]+ (invalid_argument otherwise).
  [[nodiscard]] expected<void, StorageError> scan_fields(std::string_view entity,
                                                         std::span<const std::string> field_names,
                                                         const std::function<void(const PartialRecord&)>& each,
                                                         const ScanHooks& hooks = {});
  // How many records of an entity the vault holds (a scan's progress total).
  [[nodiscard]] expected<std::size_t, StorageError> count_entity(std::string_view entity);
  // The case with this reference, nullopt if none. ambiguous_reference when
  // several cases hold it (an imported case may carry a number this vault
  // used too): the detail lists their ids and senders; use the id then.
  [[nodiscard]] expected<std::optional<Record>, StorageError> find_case_by_reference(
      std::string_view reference);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
