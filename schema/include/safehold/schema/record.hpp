#pragma once
// What safehold_schema knows about a record's `fields` (DEVELOPERS.md,
// "Records"): validation, references, identifying-field redaction, consent
// scopes a write needs, and the text that goes into full-text search.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::schema {

// write: a new or changed record (retired codes refused).
// read:  data written earlier or by an older version (retired codes accepted).
enum class Mode { write, read };

// Checks every member of `fields` against `entity`: unknown fields, JSON types,
// codes (unknown, retired, excluded), dates and precisions, timestamps,
// countries, languages, UUIDs, required fields, the not-answered marker, sizes.
[[nodiscard]] expected<void, ValidationError> validate_fields(const EntityDef& entity,
                                                              const nlohmann::json& fields,
                                                              Mode mode = Mode::write);

// Every error validate_fields would find, not only the first: one per
// member (nested objects and list items included), in the order of the
// fields, then the missing required ones. Empty when validate_fields passes.
std::vector<ValidationError> field_errors(const EntityDef& entity, const nlohmann::json& fields,
                                          Mode mode = Mode::write);

// Checks a whole record {id, entity, case_id (iff the entity is in a case),
// created_at, updated_at, fields} and returns its entity definition.
[[nodiscard]] expected<const EntityDef*, ValidationError> validate_record(
    const Model& model, const nlohmann::json& record, Mode mode = Mode::write);

// {"not_answered": "declined"} or {"not_answered": "unknown"}.
bool is_not_answered(const nlohmann::json& value) noexcept;

struct Reference {
  std::string path;    // e.g. "perpetrators[0].person"
  std::string entity;  // target entity
  std::string id;      // UUID
};
// Every well-formed UUID in ref/refs fields (also nested), for storage to
// check that each exists (in the same case, for entities in a case).
std::vector<Reference> referenced_ids(const EntityDef& entity, const nlohmann::json& fields);

// A copy of `fields` without any identifying field, nested ones included
// (an identifying object or list goes whole).
nlohmann::json redact_identifying(const EntityDef& entity, const nlohmann::json& fields);

struct ScopeNeed {
  std::string path;   // field path holding a value
  std::string scope;  // scope code whose answer must be "yes"
};
// The consent scopes that must be "yes" for these fields to be stored: fields
// with consent_scope holding a value (not the not-answered marker), and code
// fields whose value maps to a scope (interview recording "audio" needs
// audio_record). Empty when nothing in `fields` needs consent.
std::vector<ScopeNeed> fields_needing_scope(const EntityDef& entity, const nlohmann::json& fields);

// The needs above that `consent_scopes` (a consent record's "scopes" value)
// does not answer "yes": empty means the write is allowed. "later", "no",
// absent and anything malformed all count as not granted.
std::vector<ScopeNeed> scopes_not_granted(const EntityDef& entity, const nlohmann::json& fields,
                                          const nlohmann::json& consent_scopes);

// The searchable values joined by newlines: texts as written; codes, countries
// and languages as their code and labels in all three languages, so a search in
// any language finds them. Identifying fields are left out unless asked for.
std::string searchable_text(const EntityDef& entity, const nlohmann::json& fields,
                            bool include_identifying = true);

}  // namespace safehold::schema
