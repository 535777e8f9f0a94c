#pragma once
// Strict JSON: exactly one RFC 8259 document in UTF-8, no byte-order mark, no
// duplicate object keys, nesting at most kMaxJsonDepth, nothing after it.
// Used for the data files here and offered to storage and bundle import, so
// every JSON Safehold reads is held to one encoding.
#include <string_view>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/schema/error.hpp"

namespace safehold::schema {

inline constexpr int kMaxJsonDepth = 64;

// On failure: SchemaError::malformed_json with `path` = `where`.
[[nodiscard]] expected<nlohmann::json, ValidationError> parse_strict_json(std::string_view bytes,
                                                                          std::string_view where = {});

}  // namespace safehold::schema
