#include "safehold/schema/error.hpp"

namespace safehold::schema {

std::string_view describe(SchemaError code) noexcept {
  switch (code) {
    case SchemaError::malformed_json: return "not a single strict JSON document";
    case SchemaError::bad_structure: return "missing, unknown or mistyped member";
    case SchemaError::bad_code: return "code breaks the vocabulary's code pattern";
    case SchemaError::duplicate_code: return "code appears twice";
    case SchemaError::duplicate_label: return "label appears twice in one language";
    case SchemaError::missing_language: return "text lacks one of en, zh-Hans, zh-Hant";
    case SchemaError::bad_label: return "label is empty, padded, multi-line or too long";
    case SchemaError::duplicate_name: return "name appears twice";
    case SchemaError::name_mismatch: return "vocabulary name differs from its file name";
    case SchemaError::bad_version: return "version must be a positive integer";
    case SchemaError::unknown_vocabulary: return "unknown vocabulary";
    case SchemaError::unknown_entity: return "unknown entity";
    case SchemaError::unknown_field_type: return "unknown field type";
    case SchemaError::bad_record: return "malformed record envelope";
    case SchemaError::not_an_object: return "expected a JSON object";
    case SchemaError::unknown_field: return "field not defined for this entity";
    case SchemaError::wrong_type: return "value has the wrong type";
    case SchemaError::unknown_code: return "code not in the vocabulary";
    case SchemaError::retired_code: return "code is retired and refused for new writes";
    case SchemaError::code_not_allowed: return "code not allowed in this field";
    case SchemaError::duplicate_value: return "the same value appears twice";
    case SchemaError::bad_date: return "invalid date";
    case SchemaError::bad_date_precision: return "date precision missing or inconsistent with the date";
    case SchemaError::bad_datetime: return "timestamp is not YYYY-MM-DDTHH:MM:SSZ";
    case SchemaError::unknown_country: return "not an ISO 3166-1 alpha-2 country code";
    case SchemaError::unknown_language: return "not a known ISO 639-3 language code";
    case SchemaError::bad_uuid: return "not a lowercase UUID v4";
    case SchemaError::missing_required: return "required field missing or empty";
    case SchemaError::not_answered_required: return "required field cannot be left unanswered";
    case SchemaError::bad_not_answered: return "not_answered must be \"declined\" or \"unknown\" alone";
    case SchemaError::too_long: return "text too long";
    case SchemaError::too_many_items: return "too many items";
    case SchemaError::too_large: return "record too large";
    case SchemaError::bad_text: return "invalid UTF-8 or control character";
    case SchemaError::bad_format: return "text does not match its format";
    case SchemaError::out_of_range: return "number out of range";
  }
  return "unknown schema error";
}

std::string ValidationError::describe() const {
  std::string out;
  if (!path.empty()) out.append(path).append(": ");
  out.append(schema::describe(code));
  if (!detail.empty()) out.append(" (").append(detail).append(")");
  return out;
}

}  // namespace safehold::schema
