#pragma once
// The entity model: every entity of data-model.md with its fields, their types,
// labels/help in three languages and the flags storage, bundles, reports and
// the GUI act on (format: schema/README.md, data: schema/model/entities.json).
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/schema/text.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::schema {

enum class FieldType {
  text,       // one line, at most kMaxTextBytes
  long_text,  // may hold newlines and tabs, at most kMaxLongTextBytes
  boolean,
  integer,    // JSON integer in [min, max] (default: int64)
  date,       // {"value": "YYYY[-MM[-DD]]", "precision": <date_precision>, "end": only for range}
  datetime,   // "YYYY-MM-DDTHH:MM:SSZ"
  code,       // one code of `vocab`
  codes,      // distinct codes of `vocab`
  country,    // ISO 3166-1 alpha-2 from vocabulary "country"
  countries,
  language,   // ISO 639-3 from vocabulary "language"
  languages,
  ref,        // UUID of a record of entity `ref`
  refs,
  object,     // named sub-fields
  list,       // array of objects with sub-fields
  scopes,     // {<code of `vocab`>: <scope_answer code>}
};

std::string_view field_type_name(FieldType type) noexcept;
std::optional<FieldType> field_type_from_name(std::string_view name) noexcept;

inline constexpr std::size_t kMaxTextBytes = 16 * 1024;
inline constexpr std::size_t kMaxLongTextBytes = 1024 * 1024;
inline constexpr std::size_t kMaxListItems = 10'000;
inline constexpr std::size_t kMaxRecordTextBytes = 16 * 1024 * 1024;

struct FieldDef {
  std::string name;
  FieldType type = FieldType::text;
  Text label;
  Text help;
  bool identifying = false;  // left out of bundles/reports unless consent and exporter allow
  bool searchable = false;   // contributes to full-text search
  bool required = false;     // must be present, not "not answered"; lists/codes non-empty
  std::string vocab;          // code, codes, scopes; implicit for country/language/date
  std::string ref;            // ref, refs: target entity
  std::string consent_scope;  // scope code whose "yes" is needed to store a value
  std::map<std::string, std::string, std::less<>> scope_for_code;  // code value -> scope needed
  std::string sensitive;      // V-Sensitive module the field belongs to (GUI opt-in)
  std::vector<std::string> exclude;  // codes of `vocab` this field refuses
  std::string format;         // text: sha256, media_type, age_recipient, minisign_public_key
  std::optional<std::int64_t> min;  // integer bounds
  std::optional<std::int64_t> max;
  std::vector<FieldDef> fields;     // object, list

  // Resolved by the loader: the vocabulary values are checked against
  // (vocab, "country", "language" or "date_precision"), else nullptr.
  const Vocabulary* vocabulary = nullptr;

  const FieldDef* field(std::string_view name) const noexcept;
};

struct EntityDef {
  std::string name;
  Text label;
  Text help;
  bool in_case = true;  // records carry case_id (false for case and contact)
  std::vector<FieldDef> fields;
  // The vocabularies the model was loaded with (not_answered, scope_answer…).
  const Vocabularies* vocabularies = nullptr;

  const FieldDef* field(std::string_view name) const noexcept;
};

class Model {
 public:
  // The model compiled into this binary over Vocabularies::builtin().
  // Throws std::logic_error if the embedded data is defective (a build bug).
  static const Model& builtin();

  // Strict loader. The model keeps pointers into `vocabularies`, which must
  // outlive it (and not be copied from under it).
  [[nodiscard]] static expected<Model, LoadError> parse(std::string_view bytes,
                                                        const Vocabularies& vocabularies);

  int version() const noexcept { return version_; }
  const EntityDef* entity(std::string_view name) const noexcept;
  std::span<const EntityDef> entities() const noexcept { return entities_; }
  const Vocabularies& vocabularies() const noexcept { return *vocabularies_; }

 private:
  int version_ = 0;
  std::vector<EntityDef> entities_;
  const Vocabularies* vocabularies_ = nullptr;
};

}  // namespace safehold::schema
