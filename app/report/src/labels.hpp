#pragma once
// Internal: the report's own words (headings, cover labels) in en, zh-Hans
// and zh-Hant. Field names and vocabulary labels come from the schema, which
// holds them in the same three languages.
#include <string_view>

#include "safehold/schema/text.hpp"

namespace safehold::report::detail {

// The label for `key` in `language`; the key itself if unknown.
std::string_view label(std::string_view key, schema::Language language);

}  // namespace safehold::report::detail
