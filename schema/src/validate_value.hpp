#pragma once
// Internal: validation of one field value and of an object of fields.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/schema/record.hpp"

namespace safehold::schema::detail {

struct ValidationContext {
  Mode mode = Mode::write;
  const Vocabularies* vocabularies = nullptr;
  std::size_t text_bytes = 0;  // all texts so far, against kMaxRecordTextBytes
  // When set, validate_members records each member's error here and goes on
  // with the next member (field_errors: every error of a record at once).
  std::vector<ValidationError>* collect = nullptr;
};

unexpected<ValidationError> invalid(SchemaError code, std::string path, std::string detail = {});

// The member `name` of `object`, or nullptr (also when `object` is no object).
// Goes through the underlying map: nlohmann's iterators trip g++'s
// -Wnull-dereference when inlined.
const nlohmann::json* member(const nlohmann::json& object, std::string_view name) noexcept;

// "a" + "b" -> "a.b"; "" + "b" -> "b".
std::string member_path(const std::string& prefix, std::string_view name);
std::string item_path(const std::string& path, std::size_t index);

expected<void, ValidationError> validate_members(const std::vector<FieldDef>& defs,
                                                 const nlohmann::json& object,
                                                 const std::string& prefix, ValidationContext& context);

expected<void, ValidationError> validate_value(const FieldDef& def, const nlohmann::json& value,
                                               const std::string& path, ValidationContext& context);

}  // namespace safehold::schema::detail
