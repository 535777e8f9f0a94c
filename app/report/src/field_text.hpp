#pragma once
// Internal: a record field as one line (or paragraph) of report text, with
// vocabulary codes turned into labels of the report's language and dates
// and places shown with their precision. Record text is kept as written.
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "safehold/schema/model.hpp"

namespace safehold::report::detail {

// Names a referenced record (an incident's title, a person's pseudonym...).
using RefNamer = std::function<std::string(const std::string& id)>;

std::string field_text(const schema::FieldDef& def, const nlohmann::json& value, schema::Language lang,
                       const RefNamer& name_of);

}  // namespace safehold::report::detail
