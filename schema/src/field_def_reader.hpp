#pragma once
// Internal: reads one field definition of schema/model/entities.json (with its
// sub-fields), checking every vocabulary, scope and sensitive-module code it
// names against the loaded vocabularies. Ref targets are checked by the model
// loader once all entities are known.
#include <nlohmann/json.hpp>

#include "safehold/schema/model.hpp"

namespace safehold::schema::detail {

[[nodiscard]] expected<FieldDef, LoadError> read_field_def(const nlohmann::json& value,
                                                           const std::string& path,
                                                           const Vocabularies& vocabularies,
                                                           int depth = 0);

}  // namespace safehold::schema::detail
