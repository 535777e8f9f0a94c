#pragma once
// The one error type of safehold_schema, for both the data-file loaders and
// record validation. `path` names the place (a field path such as
// `perpetrators[2].basis`, or `tactic.json: entries[3].label`) and `detail`
// holds only vocabulary names, codes of the schema and limits: never a value
// taken from a record, because record values are testimony.
#include <string>
#include <string_view>

namespace safehold::schema {

enum class SchemaError {
  // Data files (vocabularies, entity model).
  malformed_json,      // not one strict JSON document (syntax, BOM, bad UTF-8, duplicate key, too deep)
  bad_structure,       // missing, unknown or mistyped member
  bad_code,            // a code that breaks its vocabulary's code pattern
  duplicate_code,      // the same code twice in one vocabulary
  duplicate_label,     // the same label twice in one vocabulary and language
  missing_language,    // a text lacks en, zh-Hans or zh-Hant
  bad_label,           // empty, padded, multi-line or over-long label
  duplicate_name,      // two vocabularies, entities or fields with one name
  name_mismatch,       // a vocabulary file whose name differs from its file name
  bad_version,         // version missing, zero, or not an integer
  unknown_vocabulary,  // the model names a vocabulary that is not loaded
  unknown_entity,      // a ref/entity name that the model does not define
  unknown_field_type,  // a field type outside the documented list
  // Records.
  bad_record,             // the record envelope (id, entity, case_id, timestamps) is wrong
  not_an_object,          // fields (or a sub-object) is not a JSON object
  unknown_field,          // a member the entity does not define
  wrong_type,             // a value of the wrong JSON type for its field type
  unknown_code,           // not a code of the field's vocabulary
  retired_code,           // a retired code in a new write
  code_not_allowed,       // a real code this field excludes (e.g. exact precision on a coarse location)
  duplicate_value,        // the same code or id twice in one list
  bad_date,               // not a valid YYYY[-MM[-DD]] date, or range end before start
  bad_date_precision,     // precision missing, unknown, or not matching the value's form
  bad_datetime,           // not YYYY-MM-DDTHH:MM:SSZ
  unknown_country,        // not an ISO 3166-1 alpha-2 code of the country list
  unknown_language,       // not an ISO 639-3 code of the language list
  bad_uuid,               // not a lowercase UUID v4
  missing_required,       // a required field absent or empty
  not_answered_required,  // "not answered" given for a required field
  bad_not_answered,       // a not_answered marker that is not exactly {"not_answered": declined|unknown}
  too_long,               // a text over its limit
  too_many_items,         // a list over 10,000 items
  too_large,              // all texts of one record together over the record limit
  bad_text,               // invalid UTF-8 or a control character where none is allowed
  bad_format,             // a text with a declared format (sha256, media type…) that does not match it
  out_of_range,           // an integer outside its field's limits
};

// One line, English, no trailing period.
std::string_view describe(SchemaError code) noexcept;

struct ValidationError {
  SchemaError code{};
  std::string path;    // field path or data-file location; may be empty
  std::string detail;  // vocabulary names, schema codes and limits only

  // "<path>: <describe(code)> (<detail>)", one line.
  std::string describe() const;
};

// The loaders report with the same type: one error type per module.
using LoadError = ValidationError;

}  // namespace safehold::schema
